package io.newsflow.streams.topology;

import io.newsflow.schema.Article;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards an article only the first time its id is seen; re-crawls and re-publications of the same
 * canonical URL are dropped. The store is changelogged, so this holds across restarts and, under
 * exactly-once, across crashes. Not thread-safe (one instance per task, as Kafka Streams uses it).
 */
final class DedupeProcessor implements Processor<String, Article, String, Article> {

    private KeyValueStore<String, Long> seen;
    private ProcessorContext<String, Article> context;

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(NewsTopology.SEEN_ARTICLES_STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        // Key by the article's own id: a producer bug that sends a different key must not break dedupe.
        String id = record.value().getId();
        if (seen.get(id) != null) {
            return;
        }
        seen.put(id, record.timestamp());
        context.forward(record.withKey(id));
    }
}
