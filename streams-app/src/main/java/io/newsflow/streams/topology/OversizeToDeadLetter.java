package io.newsflow.streams.topology;

import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schemas.AvroSerde;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns an enriched article too large for its output topic into a dead-letter record: the article
 * as the producer published it, with the same cause headers Kafka Streams' own handlers write.
 * Checked before writing because, under exactly-once, a record the broker refuses aborts the whole
 * transaction and the task would fail on it again after every restart. Stateless.
 */
final class OversizeToDeadLetter implements Processor<String, EnrichedArticle, byte[], byte[]> {

    private final int maxBytes;
    private final AvroSerde<Article> articles = AvroSerde.of(Article.class);
    private ProcessorContext<byte[], byte[]> context;

    OversizeToDeadLetter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        Headers headers = new RecordHeaders();
        String message = "enriched article " + record.key() + " is larger than output.max.record.bytes (" + maxBytes
                + " bytes) and was not written to the enriched topic";
        headers.add("__streams.errors.exception", utf8(RecordTooLargeException.class.getName()));
        headers.add("__streams.errors.message", utf8(message));
        headers.add("__streams.errors.stacktrace", utf8(""));
        context.recordMetadata().ifPresent(m -> {
            headers.add("__streams.errors.topic", utf8(m.topic()));
            headers.add("__streams.errors.partition", utf8(String.valueOf(m.partition())));
            headers.add("__streams.errors.offset", utf8(String.valueOf(m.offset())));
        });
        context.forward(new Record<>(utf8(record.key()), articles.encode(record.value().getArticle()),
                record.timestamp(), headers));
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
