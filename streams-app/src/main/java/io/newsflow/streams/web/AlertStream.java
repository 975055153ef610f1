package io.newsflow.streams.web;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.AvroJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/alerts/stream?rule=&owner=&severity=}: server-sent events, one {@code event: alert}
 * per matching alert published after the client connected, and a {@code : ping} comment when idle so
 * proxies keep the connection and a departed client is noticed (the write fails) and unsubscribed.
 *
 * <p>The feed's publishing thread only enqueues; each stream's own request thread writes, so a slow
 * client never holds up the Kafka consumer. A client that falls {@value #QUEUE_CAPACITY} alerts behind
 * is disconnected; EventSource reconnects and the page reloads the recent alerts. Streams are capped
 * at {@value #MAX_STREAMS} (503 beyond) because each holds a thread.
 */
final class AlertStream implements SafeHandler.Route {

    static final int QUEUE_CAPACITY = 1000;
    static final int MAX_STREAMS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    /** Queue markers: the server is closing; the client fell too far behind. */
    private static final Object END = new Object();
    private static final Object OVERFLOW = new Object();

    private final AlertFeed feed;
    private final Duration pingInterval;
    private final Semaphore permits = new Semaphore(MAX_STREAMS);
    private final Set<BlockingQueue<Object>> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    AlertStream(AlertFeed feed, Duration pingInterval) {
        this.feed = feed;
        this.pingInterval = pingInterval;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException, ApiException {
        AlertRoutes.exactPath(ex, "/api/alerts/stream");
        Http.requireMethod(ex, "GET");
        AlertFilter filter = AlertRoutes.filter(Http.query(ex));
        if (closed || !permits.tryAcquire()) {
            throw new ApiException(503, "too many live alert streams; try again later");
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
        AutoCloseable subscription = null;
        try {
            open.add(queue);
            // subscribe before the headers go out: once the client sees them, no alert can be missed
            subscription = feed.subscribe(filter, alert -> enqueue(queue, alert));
            Http.commonHeaders(ex);
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Accel-Buffering", "no"); // nginx: do not buffer the stream
            ex.sendResponseHeaders(200, 0);
            pump(queue, ex.getResponseBody());
        } catch (IOException e) {
            LOG.debug("Alert stream client went away: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(subscription);
            open.remove(queue);
            permits.release();
            ex.close();
        }
    }

    /** Ends every open stream (the server is stopping) and refuses new ones. */
    void closeAll() {
        closed = true;
        for (BlockingQueue<Object> queue : open) {
            queue.clear();
            queue.offer(END);
        }
    }

    /** Open streams; lets shutdown wait for them. */
    int openCount() {
        return open.size();
    }

    private void pump(BlockingQueue<Object> queue, OutputStream out) throws IOException, InterruptedException {
        write(out, "retry: 3000\n: connected\n\n");
        while (!closed) {
            Object next = queue.poll(pingInterval.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                write(out, ": ping\n\n");
            } else if (next == END || next == OVERFLOW) {
                return;
            } else {
                // AvroJson escapes line breaks, so the JSON is one valid "data:" line
                write(out, "event: alert\ndata: " + AvroJson.toJson(next) + "\n\n");
            }
        }
    }

    private static void enqueue(BlockingQueue<Object> queue, KeywordAlert alert) {
        if (!queue.offer(alert)) {
            queue.clear();
            queue.offer(OVERFLOW);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("Closing an alert subscription failed: {}", e.toString());
        }
    }
}
