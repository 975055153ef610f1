package io.newsflow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C / SIGTERM into a signal the main thread waits on, and holds the JVM's exit until the
 * main thread has closed what it owns (so the broker flushes, the streams app commits). Open it
 * before the resources it guards, in the same try-with-resources, so it closes after them.
 */
final class ShutdownSignal implements AutoCloseable {

    private static final long MAX_CLOSE_WAIT_SECONDS = 60;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    ShutdownSignal() {
        hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(MAX_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newsflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits up to {@code millis} for a stop request; true when one came. */
    boolean awaitStop(long millis) throws InterruptedException {
        return stopRequested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits for a stop request, however long it takes. */
    void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
