package io.newsflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka Streams' log-and-continue handlers (which write the dead-letter record when
 * {@code errors.dead.letter.queue.topic.name} is set), counting what they send to the DLQ in the
 * app's meter registry ({@code newsflow_dead_letters_total{stage=...}}).
 */
public final class DeadLetterCounters {

    private DeadLetterCounters() {
    }

    static Counter counter(Map<String, ?> configs, String stage) {
        Object registry = configs.get(DeadLetterProductionHandler.METER_REGISTRY_CONFIG);
        return registry instanceof MeterRegistry meters
                ? Counter.builder("newsflow.dead.letters").tag("stage", stage)
                        .description("Records sent to the dead-letter topic").register(meters)
                : null;
    }

    /** Unreadable input records: counted, logged, dead-lettered, skipped. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        private Counter counter;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            counter = counter(configs, "deserialize");
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
            if (counter != null) {
                counter.increment();
            }
            return super.handleError(context, record, e);
        }
    }

    /** Records an enricher or matcher threw on: counted, logged, dead-lettered, skipped. */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        private Counter counter;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            counter = counter(configs, "process");
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
            if (counter != null) {
                counter.increment();
            }
            return super.handleError(context, record, e);
        }
    }
}
