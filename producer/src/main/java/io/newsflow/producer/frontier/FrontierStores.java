package io.newsflow.producer.frontier;

import io.newsflow.schema.FrontierUrl;
import io.newsflow.schemas.AvroSerde;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The frontier's state stores: persistent (RocksDB, on disk) and changelogged, so that they survive a
 * restart and move with their partition to another instance. Keys that hold times or sequence numbers
 * are zero-padded decimals, so that RocksDB's byte order is their numeric order and a range scan finds
 * what is due.
 *
 * <ul>
 *   <li>{@value #SEEN}: normalised URL → first seen (epoch millis): the seen-set. Two more kinds of key share
 *       it, neither of which can be a URL: {@code id:ARTICLE_ID} (articles published, for {@code DUPLICATE})
 *       and {@code fp:URL} (fingerprint of what a re-polled URL listed last time).</li>
 *   <li>{@value #QUEUE}: {@code host|sequence} → {@code FrontierUrl}: the per-host FIFO queues.</li>
 *   <li>{@value #HOSTS}: host → {@link HostState} (queue bounds, next fetch time).</li>
 *   <li>{@value #READY}: {@code nextFetchAt|host} → host, for every host with queued URLs: the index the
 *       scheduler scans for hosts whose turn has come.</li>
 *   <li>{@value #POLLS}: URL → {@code FrontierUrl} for URLs fetched on a schedule (re-polled start pages,
 *       feeds, sitemaps, folders; URLs deferred by the max-pages budget); {@code notBefore} 0 means "in its
 *       host queue now".</li>
 *   <li>{@value #DUE}: {@code notBefore|URL} → URL, the time index of {@value #POLLS}; an entry whose time no
 *       longer matches {@value #POLLS} is stale and dropped.</li>
 *   <li>{@value #BUDGETS}: source id → window start and URLs admitted in it.</li>
 * </ul>
 */
public final class FrontierStores {

    public static final String SEEN = "frontier-seen";
    public static final String QUEUE = "frontier-queue";
    public static final String HOSTS = "frontier-hosts";
    public static final String READY = "frontier-ready";
    public static final String POLLS = "frontier-polls";
    public static final String DUE = "frontier-due";
    public static final String BUDGETS = "frontier-budgets";

    /** Width of padded times (epoch millis until the year 2286) and sequence numbers. */
    private static final int WIDTH = 13;

    private FrontierStores() {
    }

    /** Every store name. */
    public static List<String> names() {
        return List.of(SEEN, QUEUE, HOSTS, READY, POLLS, DUE, BUDGETS);
    }

    /** Builders of every store, persistent and changelogged. */
    static List<StoreBuilder<?>> builders() {
        Serde<FrontierUrl> urls = AvroSerde.of(FrontierUrl.class);
        return List.of(
                store(SEEN, Serdes.Long()),
                store(QUEUE, urls),
                store(HOSTS, HostState.serde()),
                store(READY, Serdes.String()),
                store(POLLS, urls),
                store(DUE, Serdes.String()),
                store(BUDGETS, Budget.serde()));
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** {@code value} zero-padded to a fixed width (negative values count as 0). */
    static String pad(long value) {
        String digits = Long.toString(Math.max(0, value));
        return digits.length() >= WIDTH ? digits : "0".repeat(WIDTH - digits.length()) + digits;
    }

    /** The time part of a {@code time|rest} key. */
    static long timeOf(String key) {
        return Long.parseLong(key.substring(0, key.indexOf('|')));
    }

    static String queueKey(String host, long sequence) {
        return host + "|" + pad(sequence);
    }

    static String readyKey(long nextFetchAt, String host) {
        return pad(nextFetchAt) + "|" + host;
    }

    static String dueKey(long notBefore, String url) {
        return pad(notBefore) + "|" + url;
    }

    /** Exclusive-in-effect upper bound of a range scan for keys with time at most {@code now}. */
    static String upTo(long now) {
        return pad(now + 1);
    }

    /**
     * The max-pages budget of one source.
     *
     * @param windowStart start of the current window (epoch millis)
     * @param used URLs admitted in it
     */
    record Budget(long windowStart, long used) {

        static Serde<Budget> serde() {
            Serializer<Budget> serializer = (topic, b) -> b == null ? null
                    : ByteBuffer.allocate(16).putLong(b.windowStart).putLong(b.used).array();
            Deserializer<Budget> deserializer = (topic, bytes) -> {
                if (bytes == null) {
                    return null;
                }
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                return new Budget(buffer.getLong(), buffer.getLong());
            };
            return Serdes.serdeFrom(serializer, deserializer);
        }
    }
}
