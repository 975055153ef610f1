package io.newsflow.streams.topology;

import io.newsflow.schema.Trend;
import io.newsflow.schema.TrendDimension;
import io.newsflow.streams.trend.SpikeDetector;
import io.newsflow.streams.trend.SpikeVerdict;
import io.newsflow.streams.trend.TrendHistory;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Hourly counts per trend key ({@code RULE:id}, {@code CATEGORY:code}, {@code ENTITY:name}) with
 * spike detection: each counted record updates the key's hourly history (kept for five weeks in a
 * changelogged store) and emits the current window's {@code Trend}, {@code spike} set when the count
 * stands out against recent windows and the same hour of earlier weeks (and at least half the recent
 * windows are known, so a new key does not spike on its first hour). Event time is the record
 * timestamp. One instance per task; not thread-safe.
 */
final class TrendProcessor implements Processor<String, String, String, Trend> {

    static final String STORE = "trend-history";
    static final long HOUR = Duration.ofHours(1).toMillis();

    private final SpikeDetector detector;
    private final int recentWindows;
    private ProcessorContext<String, Trend> context;
    private KeyValueStore<String, byte[]> histories;

    TrendProcessor(SpikeDetector detector, int recentWindows) {
        this.detector = detector;
        this.recentWindows = recentWindows;
    }

    @Override
    public void init(ProcessorContext<String, Trend> context) {
        this.context = context;
        this.histories = context.getStateStore(STORE);
    }

    /** Input: key = trend key ("DIMENSION:term"); the value is unused. */
    @Override
    public void process(Record<String, String> record) {
        String key = record.key();
        long hour = Math.floorDiv(record.timestamp(), HOUR) * HOUR;
        byte[] stored = histories.get(key);
        TrendHistory history = stored == null ? new TrendHistory() : TrendHistory.fromBytes(stored);
        long count = history.count(hour) + 1;
        history.record(hour, count);
        histories.put(key, history.toBytes());

        long[] recent = history.recent(recentWindows, hour);
        SpikeVerdict verdict = detector.evaluate(count, recent, history.sameHourOfWeek(hour, 4));
        // A key seen for the first time has no history: every count would stand out. Flag spikes only
        // once half the comparison windows are known, so a fresh start does not raise an alert storm.
        boolean enoughHistory = recent.length >= Math.max(1, recentWindows / 2);
        int colon = key.indexOf(':');
        Trend trend = Trend.newBuilder()
                .setDimension(dimension(key.substring(0, colon)))
                .setTerm(key.substring(colon + 1))
                .setWindowStart(Instant.ofEpochMilli(hour))
                .setWindowEnd(Instant.ofEpochMilli(hour + HOUR))
                .setCount(count)
                .setBaseline(verdict.baseline())
                .setMovingAverage(verdict.movingAverage())
                .setZScore(verdict.zScore())
                .setSpike(verdict.spike() && enoughHistory)
                .build();
        context.forward(record.withValue(trend));
    }

    private static TrendDimension dimension(String name) {
        try {
            return TrendDimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            return TrendDimension.OTHER;
        }
    }
}
