package io.newsflow.producer.frontier;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of one crawler instance, shared by its frontier tasks and read by other threads (idle check,
 * progress line, metrics): URLs queued and scheduled per task, fetches in flight, and an activity counter
 * that changes whenever a task processes a record or applies a fetch. It also holds the instance's fetch
 * slots (the global concurrency cap) and the "draining" switch that stops new fetches before a shutdown.
 * Thread-safe.
 */
public final class FrontierProgress {

    /** What one task (one frontier partition) holds; written by its stream thread, read by anyone. */
    public static final class TaskCounts {
        volatile long queued;
        volatile long hosts;
        volatile long largestHostQueue;
        volatile long scheduled;

        /** URLs waiting in this task's host queues. */
        public long queued() {
            return queued;
        }
    }

    private final int capacity;
    private final Semaphore slots;
    private final AtomicLong activity = new AtomicLong();
    private final Map<String, TaskCounts> tasks = new ConcurrentHashMap<>();
    private volatile boolean draining;

    /** @param capacity most fetches in flight at once in this instance */
    public FrontierProgress(int capacity) {
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
    }

    TaskCounts task(String taskId) {
        return tasks.computeIfAbsent(taskId, id -> new TaskCounts());
    }

    void removeTask(String taskId) {
        tasks.remove(taskId);
    }

    void touch() {
        activity.incrementAndGet();
    }

    boolean tryAcquireSlot() {
        return !draining && slots.tryAcquire();
    }

    void releaseSlot() {
        slots.release();
    }

    /** Stops new fetches from starting; fetches in flight finish and are applied. */
    public void drain() {
        draining = true;
    }

    /** Changes whenever a task processes a frontier record or applies a finished fetch. */
    public long activity() {
        return activity.get();
    }

    /** Fetches in flight now. */
    public int inFlight() {
        return capacity - slots.availablePermits();
    }

    /** URLs waiting in the host queues of this instance's tasks. */
    public long queued() {
        return tasks.values().stream().mapToLong(t -> t.queued).sum();
    }

    /** Hosts with URLs waiting (as of each task's last count, every few seconds). */
    public long hosts() {
        return tasks.values().stream().mapToLong(t -> t.hosts).sum();
    }

    /** The longest host queue (as of each task's last count). */
    public long largestHostQueue() {
        return tasks.values().stream().mapToLong(t -> t.largestHostQueue).max().orElse(0);
    }

    /** Re-polls and deferred URLs waiting for their time (as of each task's last count). */
    public long scheduled() {
        return tasks.values().stream().mapToLong(t -> t.scheduled).sum();
    }

    /** Frontier tasks (partitions) this instance runs now. */
    public int tasks() {
        return tasks.size();
    }
}
