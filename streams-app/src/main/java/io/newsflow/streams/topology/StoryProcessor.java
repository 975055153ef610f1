package io.newsflow.streams.topology;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.OneViewRecord;
import io.newsflow.streams.enrich.BandStore;
import io.newsflow.streams.enrich.StoryAssignment;
import io.newsflow.streams.enrich.StoryEntry;
import io.newsflow.streams.enrich.StoryMatcher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sets {@code storyId} and {@code duplicateOf} on each enriched article, and {@code storyId} on the
 * alerts it matched, with a {@link StoryMatcher} (from the fingerprints computed upstream)
 * whose LSH bands live in a changelogged state store, so stories survive restarts. Runs on a
 * single-partition stage: near-duplicates can arrive on any input partition and must meet one index.
 * One instance per task; not thread-safe.
 */
final class StoryProcessor implements FixedKeyProcessor<String, OneViewRecord, OneViewRecord> {

    static final String STORE = "story-bands";

    private final int maxDistance;
    private final int maxEntriesPerBand;
    private final Duration retention;
    private FixedKeyProcessorContext<String, OneViewRecord> context;
    private StoryMatcher matcher;

    StoryProcessor(int maxDistance, int maxEntriesPerBand, Duration retention) {
        this.maxDistance = maxDistance;
        this.maxEntriesPerBand = maxEntriesPerBand;
        this.retention = retention;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, OneViewRecord> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(STORE);
        this.matcher = new StoryMatcher(new StoreBands(store), maxDistance, maxEntriesPerBand, retention);
    }

    @Override
    public void process(FixedKeyRecord<String, OneViewRecord> record) {
        OneViewRecord value = record.value();
        EnrichedArticle article = value.getArticle();
        StoryAssignment story = matcher.assign(article.getArticle().getId(), value.getBodyFingerprint(),
                value.getLeadFingerprint(), record.timestamp());
        article.setStoryId(story.storyId());
        article.setDuplicateOf(story.duplicateOf());
        for (KeywordAlert alert : value.getAlerts()) {
            alert.setStoryId(story.storyId());
        }
        context.forward(record.withValue(value));
    }

    /** {@link BandStore} over a Kafka Streams store; entries encoded as fixed-size binary rows. */
    static final class StoreBands implements BandStore {
        private final KeyValueStore<String, byte[]> store;

        StoreBands(KeyValueStore<String, byte[]> store) {
            this.store = store;
        }

        @Override
        public List<StoryEntry> get(String bandKey) {
            byte[] bytes = store.get(bandKey);
            List<StoryEntry> entries = new ArrayList<>();
            if (bytes == null) {
                return entries;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            while (in.hasRemaining()) {
                long simhash = in.getLong();
                long timestamp = in.getLong();
                String storyId = readString(in);
                String articleId = readString(in);
                entries.add(new StoryEntry(simhash, storyId, articleId, timestamp));
            }
            return entries;
        }

        @Override
        public void put(String bandKey, List<StoryEntry> entries) {
            int size = 0;
            for (StoryEntry e : entries) {
                size += 16 + 4 + utf8(e.storyId()).length + 4 + utf8(e.articleId()).length;
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            for (StoryEntry e : entries) {
                out.putLong(e.simhash()).putLong(e.timestampMillis());
                writeString(out, e.storyId());
                writeString(out, e.articleId());
            }
            store.put(bandKey, out.array());
        }

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        private static void writeString(ByteBuffer out, String s) {
            byte[] b = utf8(s);
            out.putInt(b.length).put(b);
        }

        private static String readString(ByteBuffer in) {
            byte[] b = new byte[in.getInt()];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
