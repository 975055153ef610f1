package io.newsflow.producer.frontier;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The frontier's bookkeeping for one host: its queue is the range {@code [head, tail)} of sequence numbers
 * in the queue store, and it may be fetched again at {@code nextFetchAt}.
 *
 * @param nextFetchAt earliest time of the next request to the host (epoch millis; politeness)
 * @param head sequence number of the next URL to fetch
 * @param tail sequence number the next queued URL gets
 * @param attempts how often the URL at {@code head} was deferred by Retry-After or an unreachable robots.txt
 */
record HostState(long nextFetchAt, long head, long tail, long attempts) {

    /** A host seen for the first time: empty queue, fetchable now. */
    static final HostState NEW = new HostState(0, 0, 0, 0);

    /** URLs waiting in the host's queue. */
    long queued() {
        return tail - head;
    }

    HostState withTail(long newTail) {
        return new HostState(nextFetchAt, head, newTail, attempts);
    }

    /** After the head URL was done: next one, fetchable at {@code at}. */
    HostState advanced(long at) {
        return new HostState(at, head + 1, tail, 0);
    }

    /** The head URL is tried again at {@code at}. */
    HostState deferred(long at) {
        return new HostState(at, head, tail, attempts + 1);
    }

    /** Fixed-size binary form: four longs. */
    static Serde<HostState> serde() {
        Serializer<HostState> serializer = (topic, s) -> s == null ? null : ByteBuffer.allocate(32)
                .putLong(s.nextFetchAt).putLong(s.head).putLong(s.tail).putLong(s.attempts).array();
        Deserializer<HostState> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new HostState(b.getLong(), b.getLong(), b.getLong(), b.getLong());
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
