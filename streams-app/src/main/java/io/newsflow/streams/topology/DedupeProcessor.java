package io.newsflow.streams.topology;

import io.newsflow.schema.Article;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards an article only the first time its id is seen; re-crawls and re-publications of the same
 * canonical URL are dropped. The store is changelogged, so this holds across restarts and, under
 * exactly-once, across crashes. Ids older than the retention are purged every ten minutes so the
 * store stays bounded. One instance per task; not thread-safe.
 */
final class DedupeProcessor implements Processor<String, Article, String, Article> {

    private final Duration retention;
    private final Clock clock;
    private KeyValueStore<String, Long> seen;
    private ProcessorContext<String, Article> context;

    DedupeProcessor(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.seen = context.getStateStore(NewsTopology.SEEN_ARTICLES_STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    @Override
    public void process(Record<String, Article> record) {
        // Key by the article's own id: a producer bug that sends a different key must not break dedupe.
        String id = record.value().getId();
        if (seen.get(id) != null) {
            return;
        }
        seen.put(id, clock.millis());
        context.forward(record.withKey(id));
    }

    private void purge() {
        long cutoff = clock.millis() - retention.toMillis();
        try (KeyValueIterator<String, Long> all = seen.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < cutoff) {
                    seen.delete(entry.key);
                }
            }
        }
    }
}
