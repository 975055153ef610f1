package io.newsflow.streams.trend;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Hourly counts of one trend key (a rule, category or entity) for the last {@value #WEEKS} weeks, in a
 * ring of {@value #CAPACITY} longs: the newest hour and {@value #WEEKS} full weeks before it, enough for
 * the same hour of the week {@value #WEEKS} weeks back. Hours are UTC (hour-of-week patterns follow UTC,
 * not local daylight-saving time).
 *
 * <p>Hours after the first recorded one with no record are 0: the topology records a key only when
 * articles arrive. Hours before the first record, or evicted from the ring, are unknown and left out of
 * {@link #recent} and {@link #sameHourOfWeek}, so a new key is judged on no history rather than on a
 * history of zeros it never had.
 *
 * <p>{@link #toBytes()} writes only the hours since the first record, as varints, so a state store
 * holds a few hundred bytes per key rather than 6.7 KB. Not thread-safe; one instance per key.
 */
public final class TrendHistory {

    public static final long HOUR_MILLIS = 3_600_000L;
    public static final int HOURS_PER_WEEK = 168;
    public static final int WEEKS = 5;
    static final int CAPACITY = WEEKS * HOURS_PER_WEEK + 1;
    private static final byte FORMAT_VERSION = 1;
    private static final long NONE = Long.MIN_VALUE;

    /** Count of hour h at index floorMod(h, CAPACITY). */
    private final long[] counts = new long[CAPACITY];
    /** Hour index (epoch millis / hour) of the first and the newest recorded hour; NONE when empty. */
    private long firstHour = NONE;
    private long newestHour = NONE;

    /**
     * Sets the count of an hour (not adds: a windowed count arrives as a running total). A record older
     * than the ring holds is ignored.
     *
     * @param hourStartMillis any instant in the hour
     * @param count           the hour's count, not negative
     */
    public void record(long hourStartMillis, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        long hour = hourOf(hourStartMillis);
        if (newestHour == NONE) {
            firstHour = hour;
            newestHour = hour;
        } else if (hour > newestHour) {
            // The hours skipped had no articles: clear what the ring still holds of them.
            for (long h = newestHour + 1; h < hour && h <= newestHour + CAPACITY; h++) {
                counts[slot(h)] = 0;
            }
            newestHour = hour;
        } else if (hour <= newestHour - CAPACITY) {
            return;
        }
        if (hour < firstHour) {
            // A late record for an hour before the first: the hours between had no articles.
            for (long h = hour + 1; h < firstHour; h++) {
                counts[slot(h)] = 0;
            }
            firstHour = hour;
        }
        counts[slot(hour)] = count;
    }

    /**
     * The counts of the {@code n} hours before the hour of {@code beforeHourMillis}, oldest first; unknown
     * hours (before the first record or evicted) are left out, so the result may be shorter.
     */
    public long[] recent(int n, long beforeHourMillis) {
        long before = hourOf(beforeHourMillis);
        return collect(before - n, 1, n);
    }

    /**
     * The counts of the same hour of the week in the {@code weeks} weeks before the hour of
     * {@code hourStartMillis}, oldest first; unknown weeks are left out.
     */
    public long[] sameHourOfWeek(long hourStartMillis, int weeks) {
        long hour = hourOf(hourStartMillis);
        return collect(hour - (long) weeks * HOURS_PER_WEEK, HOURS_PER_WEEK, weeks);
    }

    /** The count of one hour: 0 when no articles were recorded for it or it is unknown. */
    public long count(long hourStartMillis) {
        long hour = hourOf(hourStartMillis);
        return isKnown(hour) && hour <= newestHour ? counts[slot(hour)] : 0;
    }

    private long[] collect(long fromHour, long step, int n) {
        long[] out = new long[Math.max(0, n)];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long hour = fromHour + i * step;
            if (isKnown(hour)) {
                out[size++] = hour > newestHour ? 0 : counts[slot(hour)];
            }
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private boolean isKnown(long hour) {
        return newestHour != NONE && hour >= firstHour && hour > newestHour - CAPACITY;
    }

    /** Version byte; then, unless empty, first hour, newest hour, the hour count and each count as varints. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT_VERSION);
        if (newestHour == NONE) {
            return out.toByteArray();
        }
        long oldest = Math.max(firstHour, newestHour - CAPACITY + 1);
        writeVarLong(out, zigZag(oldest));
        writeVarLong(out, newestHour - oldest);
        for (long h = oldest; h <= newestHour; h++) {
            writeVarLong(out, counts[slot(h)]);
        }
        return out.toByteArray();
    }

    /**
     * Reads what {@link #toBytes()} wrote.
     *
     * @throws IllegalArgumentException when the bytes are not a history of this format
     */
    public static TrendHistory fromBytes(byte[] bytes) {
        TrendHistory history = new TrendHistory();
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte version = in.get();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown TrendHistory format version " + version);
            }
            if (!in.hasRemaining()) {
                return history;
            }
            long oldest = unZigZag(readVarLong(in));
            long span = readVarLong(in);
            if (span < 0 || span >= CAPACITY) {
                throw new IllegalArgumentException("TrendHistory span out of range: " + span);
            }
            history.firstHour = oldest;
            history.newestHour = oldest + span;
            for (long h = oldest; h <= history.newestHour; h++) {
                history.counts[slot(h)] = readVarLong(in);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("TrendHistory has " + in.remaining() + " trailing bytes");
            }
            return history;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("TrendHistory bytes are truncated", e);
        }
    }

    private static long hourOf(long millis) {
        return Math.floorDiv(millis, HOUR_MILLIS);
    }

    private static int slot(long hour) {
        return (int) Math.floorMod(hour, (long) CAPACITY);
    }

    private static long zigZag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unZigZag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("TrendHistory varint too long");
    }
}
