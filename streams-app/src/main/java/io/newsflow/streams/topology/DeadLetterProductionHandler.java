package io.newsflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record the app cannot write (it does not serialize, or the broker refuses it, e.g. too large for
 * the topic) goes to the dead-letter topic with its cause, and processing continues. Kafka's default
 * handler fails the stream thread instead, and the thread would fail again on the same input
 * record after every restart: a crash loop. Retriable errors are retried. Instantiated by Kafka
 * Streams from {@code production.exception.handler}; stateless after {@link #configure(Map)}.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    /** Config key under which the app passes its {@link MeterRegistry} (an object, not a string). */
    public static final String METER_REGISTRY_CONFIG = "newsflow.meter.registry";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private String deadLetterTopic;
    private Counter deadLettered;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
        Object registry = configs.get(METER_REGISTRY_CONFIG);
        if (registry instanceof MeterRegistry meters) {
            deadLettered = Counter.builder("newsflow.dead.letters").tag("stage", "produce")
                    .description("Records sent to the dead-letter topic").register(meters);
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return deadLetter(context, record.topic(), exception);
    }

    @SuppressWarnings("rawtypes")
    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return deadLetter(context, record.topic(), exception);
    }

    private Response deadLetter(ErrorHandlerContext context, String topic, Exception exception) {
        log.atWarn().setMessage("Cannot write record; sent to the dead-letter topic")
                .addKeyValue("topic", topic)
                .addKeyValue("sourceTopic", context.topic())
                .addKeyValue("sourcePartition", context.partition())
                .addKeyValue("sourceOffset", context.offset())
                .addKeyValue("error", exception.toString())
                .log();
        if (deadLetterTopic == null) {
            return Response.resume();
        }
        if (deadLettered != null) {
            deadLettered.increment();
        }
        // The original input bytes, with the cause in headers, as Kafka Streams' own handlers do.
        return Response.resume(List.of(ExceptionHandlerUtils.buildDeadLetterQueueRecord(deadLetterTopic,
                context.sourceRawKey(), context.sourceRawValue(), context, exception)));
    }
}
