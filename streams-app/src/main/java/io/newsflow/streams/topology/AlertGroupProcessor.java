package io.newsflow.streams.topology;

import io.newsflow.schema.AlertKind;
import io.newsflow.schema.KeywordAlert;
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
 * One alert per rule per story, in the style of Alertmanager's grouping: the first match of a rule
 * in a story is sent at once ({@code NEW}); later matches in the same story are counted and sent as
 * one {@code UPDATE} at most once per re-notify interval, carrying how many articles matched so far.
 * Groups untouched for longer than the retention are purged, so the store stays bounded.
 * Input and output keyed by rule id. One instance per task; not thread-safe.
 */
final class AlertGroupProcessor implements Processor<String, KeywordAlert, String, KeywordAlert> {

    static final String STORE = "alert-groups";

    private final Duration renotifyInterval;
    private final Duration retention;
    private final Clock clock;
    private ProcessorContext<String, KeywordAlert> context;
    private KeyValueStore<String, String> groups;

    AlertGroupProcessor(Duration renotifyInterval, Duration retention, Clock clock) {
        this.renotifyInterval = renotifyInterval;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, KeywordAlert> context) {
        this.context = context;
        this.groups = context.getStateStore(STORE);
        context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }

    /** Group state: when the group was last notified, last touched, and counts. */
    record Group(long lastNotifiedMillis, long lastTouchedMillis, int occurrences) {
        static Group parse(String s) {
            String[] p = s.split(",");
            return new Group(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]));
        }

        String format() {
            return lastNotifiedMillis + "," + lastTouchedMillis + "," + occurrences;
        }
    }

    @Override
    public void process(Record<String, KeywordAlert> record) {
        KeywordAlert alert = record.value();
        String story = alert.getStoryId() == null ? alert.getArticleId() : alert.getStoryId();
        String groupKey = alert.getRuleId() + "|" + story;
        long now = clock.millis();
        String stored = groups.get(groupKey);
        if (stored == null) {
            groups.put(groupKey, new Group(now, now, 1).format());
            alert.setKind(AlertKind.NEW);
            alert.setOccurrences(1);
            context.forward(record.withValue(alert));
            return;
        }
        Group group = Group.parse(stored);
        int occurrences = group.occurrences() + 1;
        boolean renotify = now - group.lastNotifiedMillis() >= renotifyInterval.toMillis();
        groups.put(groupKey, new Group(renotify ? now : group.lastNotifiedMillis(), now, occurrences).format());
        if (renotify) {
            alert.setKind(AlertKind.UPDATE);
            alert.setOccurrences(occurrences);
            context.forward(record.withValue(alert));
        }
    }

    private void purge() {
        long cutoff = clock.millis() - retention.toMillis();
        try (KeyValueIterator<String, String> all = groups.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                if (Group.parse(entry.value).lastTouchedMillis() < cutoff) {
                    groups.delete(entry.key);
                }
            }
        }
    }
}
