package io.newsflow.producer.frontier;

import io.newsflow.producer.discover.Source;
import io.newsflow.producer.frontier.FrontierStores.Budget;
import io.newsflow.producer.politeness.RepollSchedule;
import io.newsflow.schema.Article;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl loop of one frontier partition (one task). {@link #process} takes URLs from
 * {@code news.frontier} and dedupes them against the seen-set, refuses spider traps, and queues the rest
 * per host; configured start URLs (seeds) and feeds, sitemaps and folders are instead put on a schedule
 * and re-polled adaptively. A wall-clock punctuation every {@code tick} applies finished fetches, moves
 * scheduled URLs that are due into their host queues, and starts a fetch for every host whose turn has
 * come (one at a time per host, spaced by the source's delay, a robots.txt Crawl-delay or a Retry-After).
 *
 * <p><b>Exactly once.</b> A fetch runs on a fetch thread ({@link FetchWork}) and touches no store; its URL
 * leaves its host queue only when the result is applied, on the stream thread, together with the
 * {@code Article}, the one {@code FetchStatus} and the links it produced, all in the same Kafka transaction
 * ({@code exactly_once_v2}), committed within 100 ms. A crash before that commit loses the
 * transaction and the state changes with it, so the URL is fetched again (the only URLs ever fetched twice
 * are those in flight, or applied but not yet committed, at a crash or a rebalance), and nothing it
 * produced was ever visible to {@code read_committed} readers.
 *
 * <p><b>Memory.</b> The frontier lives in the topic and in the RocksDB stores on disk
 * ({@link FrontierStores}); the heap holds only the fetches in flight and a few counters per task, so a
 * frontier of millions of URLs needs no more heap than an empty one. RocksDB's own memory is bounded by
 * {@link BoundedRocksDbMemory}.
 *
 * <p>Not thread-safe: Kafka Streams calls one instance from one stream thread.
 */
public final class FrontierProcessor implements Processor<String, FrontierUrl, String, Object> {

    /** Child (sink) names. */
    public static final String TO_ARTICLES = "articles-sink";
    public static final String TO_STATUSES = "fetch-status-sink";
    public static final String TO_FRONTIER = "frontier-sink";

    private static final Logger log = LoggerFactory.getLogger(FrontierProcessor.class);
    private static final long RECOUNT_MILLIS = 5_000;
    /** Applied fetches are committed at most this long after they were applied. */
    private static final long COMMIT_GAP_MILLIS = 100;
    private static final int MAX_PROMOTIONS_PER_TICK = 10_000;
    private static final Instant QUEUED = Instant.EPOCH;

    /** A fetch in flight for the URL at {@code sequence} of a host queue. */
    private record InFlight(FrontierUrl url, long sequence, long startedAt, CompletableFuture<WorkResult> result) {
    }

    private final FrontierRuntime runtime;
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private ProcessorContext<String, Object> context;
    private FrontierProgress.TaskCounts counts;
    private String taskId;
    private long lastRecount;
    private long lastCommitRequest;
    private boolean commitPending;

    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, FrontierUrl> queue;
    private KeyValueStore<String, HostState> hosts;
    private KeyValueStore<String, String> ready;
    private KeyValueStore<String, FrontierUrl> polls;
    private KeyValueStore<String, String> due;
    private KeyValueStore<String, Budget> budgets;

    FrontierProcessor(FrontierRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        seen = context.getStateStore(FrontierStores.SEEN);
        queue = context.getStateStore(FrontierStores.QUEUE);
        hosts = context.getStateStore(FrontierStores.HOSTS);
        ready = context.getStateStore(FrontierStores.READY);
        polls = context.getStateStore(FrontierStores.POLLS);
        due = context.getStateStore(FrontierStores.DUE);
        budgets = context.getStateStore(FrontierStores.BUDGETS);
        taskId = context.taskId().toString();
        counts = runtime.progress().task(taskId);
        recount(context.currentSystemTimeMs());
        log.info("Frontier task {} started: {} URL(s) queued for {} host(s), {} scheduled", taskId, counts.queued,
                counts.hosts, counts.scheduled);
        context.schedule(runtime.tick(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    // ---------------------------------------------------------------- URLs arriving from news.frontier

    @Override
    public void process(Record<String, FrontierUrl> record) {
        FrontierUrl incoming = record.value();
        if (incoming == null) {
            return;
        }
        runtime.progress().touch();
        long now = context.currentSystemTimeMs();
        String url = FrontierUrls.normalize(incoming.getUrl());
        String host = FrontierUrls.hostKey(url);
        FrontierUrl u = FrontierUrl.newBuilder(incoming).setUrl(url).setHost(host == null ? "" : host).build();
        boolean firstTime = seen.putIfAbsent(url, now) == null;
        if (host == null) {
            if (firstTime) {
                publish(new WorkResult.Page(status(u, FetchOutcome.REFUSED, "not an http(s) or file URL", now), null),
                        now);
            }
            return;
        }
        if (!runtime.sources().containsKey(u.getSourceId())) {
            if (firstTime) {
                publish(new WorkResult.Page(status(u, FetchOutcome.REFUSED,
                        "source '" + u.getSourceId() + "' is not configured", now), null), now);
            }
            return;
        }
        if (u.getReferrer() == null) {
            registerSeed(u, now);
            return;
        }
        if (!firstTime) {
            return; // a URL discovered twice is one URL: it already has (or will have) its status
        }
        String trap = runtime.traps().check(url);
        if (trap != null) {
            publish(new WorkResult.Page(status(u, FetchOutcome.TRAP, trap, now), null), now);
            return;
        }
        admit(u, now);
    }

    /**
     * A configured start URL, feed, sitemap or folder: polled now if it is new or if the seed asks for an
     * earlier poll than the one scheduled; left alone while it waits in its host queue.
     */
    private void registerSeed(FrontierUrl seed, long now) {
        long wanted = seed.getNotBefore().toEpochMilli();
        FrontierUrl current = polls.get(seed.getUrl());
        if (current == null) {
            scheduleOrQueue(seed, wanted == 0 ? now : wanted, now);
        } else if (!current.getNotBefore().equals(QUEUED) && wanted > 0
                && wanted < current.getNotBefore().toEpochMilli()) {
            // Keep the validators and the interval history; the entry at the later time becomes stale.
            FrontierUrl earlier = FrontierUrl.newBuilder(current).setSourceId(seed.getSourceId())
                    .setKind(seed.getKind()).setDepth(seed.getDepth()).build();
            scheduleOrQueue(earlier, wanted, now);
        }
    }

    /** Puts {@code u} in its host queue now, or in the schedule for {@code at}. */
    private void scheduleOrQueue(FrontierUrl u, long at, long now) {
        if (at <= now) {
            polls.put(u.getUrl(), FrontierUrl.newBuilder(u).setNotBefore(QUEUED).build());
            admit(FrontierUrl.newBuilder(u).setNotBefore(Instant.ofEpochMilli(at)).build(), now);
        } else {
            schedule(u, at);
        }
    }

    private void schedule(FrontierUrl u, long at) {
        polls.put(u.getUrl(), FrontierUrl.newBuilder(u).setNotBefore(Instant.ofEpochMilli(at)).build());
        due.put(FrontierStores.dueKey(at, u.getUrl()), u.getUrl());
        counts.scheduled++;
    }

    /** Queues {@code u} unless its source's max-pages budget for the current window is spent. */
    private void admit(FrontierUrl u, long now) {
        int maxPages = budgetOf(runtime.sources().get(u.getSourceId()));
        if (maxPages < Integer.MAX_VALUE) {
            Budget budget = budgets.get(u.getSourceId());
            long window = runtime.budgetWindow().toMillis();
            if (budget == null || now >= budget.windowStart() + window) {
                budget = new Budget(now, 0);
            }
            if (budget.used() >= maxPages) {
                budgets.put(u.getSourceId(), budget);
                long at = budget.windowStart() + window;
                log.atDebug().setMessage("Deferred by max-pages").addKeyValue("url", u.getUrl())
                        .addKeyValue("until", Instant.ofEpochMilli(at)).log();
                schedule(u, at);
                return;
            }
            budgets.put(u.getSourceId(), new Budget(budget.windowStart(), budget.used() + 1));
        }
        enqueue(u.getHost(), u);
    }

    private void enqueue(String host, FrontierUrl u) {
        HostState before = hosts.get(host);
        HostState state = before == null ? HostState.NEW : before;
        queue.put(FrontierStores.queueKey(host, state.tail()), u);
        updateHost(host, before, state.withTail(state.tail() + 1));
        counts.queued++;
    }

    /** Stores a host's new state and keeps the ready index in step with it. */
    private void updateHost(String host, HostState before, HostState after) {
        String oldKey = before != null && before.queued() > 0 ? FrontierStores.readyKey(before.nextFetchAt(), host) : null;
        String newKey = after.queued() > 0 ? FrontierStores.readyKey(after.nextFetchAt(), host) : null;
        if (oldKey != null && !oldKey.equals(newKey)) {
            ready.delete(oldKey);
        }
        if (newKey != null && !newKey.equals(oldKey)) {
            ready.put(newKey, host);
        }
        if (oldKey == null && newKey != null) {
            counts.hosts++;
        } else if (oldKey != null && newKey == null) {
            counts.hosts = Math.max(0, counts.hosts - 1);
        }
        hosts.put(host, after);
    }

    // ---------------------------------------------------------------- the punctuation

    private void tick(long now) {
        boolean changed = applyFinished(now);
        changed |= promoteDue(now);
        startFetches(now);
        changed |= applyFinished(now);
        if (changed) {
            runtime.progress().touch();
            commitPending = true;
        }
        // Commit what was applied soon (at most 100 ms later), so that a crash repeats hardly more than the
        // fetches in flight; but not after every tick, since each commit ends a transaction.
        if (commitPending && now - lastCommitRequest >= COMMIT_GAP_MILLIS) {
            context.commit();
            lastCommitRequest = now;
            commitPending = false;
        }
        if (now - lastRecount >= RECOUNT_MILLIS) {
            recount(now);
        }
    }

    /** Moves scheduled URLs whose time has come into their host queues. */
    private boolean promoteDue(long now) {
        List<KeyValue<String, String>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> it = due.range(FrontierStores.pad(0), FrontierStores.upTo(now))) {
            while (it.hasNext() && entries.size() < MAX_PROMOTIONS_PER_TICK) {
                entries.add(it.next());
            }
        }
        for (KeyValue<String, String> entry : entries) {
            due.delete(entry.key);
            counts.scheduled = Math.max(0, counts.scheduled - 1);
            FrontierUrl scheduled = polls.get(entry.value);
            if (scheduled == null || scheduled.getNotBefore().toEpochMilli() != FrontierStores.timeOf(entry.key)) {
                continue; // rescheduled or done since: a stale index entry
            }
            polls.put(entry.value, FrontierUrl.newBuilder(scheduled).setNotBefore(QUEUED).build());
            admit(scheduled, now);
        }
        return !entries.isEmpty();
    }

    /** Starts a fetch for each host whose turn has come, while fetch slots are free. */
    private void startFetches(long now) {
        List<String> candidates = new ArrayList<>();
        try (KeyValueIterator<String, String> it = ready.range(FrontierStores.pad(0), FrontierStores.upTo(now))) {
            while (it.hasNext() && candidates.size() < inFlight.size() + 64) {
                String host = it.next().value;
                if (!inFlight.containsKey(host)) {
                    candidates.add(host);
                }
            }
        }
        for (String host : candidates) {
            if (!runtime.progress().tryAcquireSlot()) {
                return;
            }
            if (!start(host, now)) {
                runtime.progress().releaseSlot();
            }
        }
    }

    /** Starts fetching the head of {@code host}'s queue; false when there was nothing to start. */
    private boolean start(String host, long now) {
        HostState state = hosts.get(host);
        if (state == null || state.queued() == 0) {
            return false;
        }
        FrontierUrl u = queue.get(FrontierStores.queueKey(host, state.head()));
        if (u == null) {
            log.warn("Frontier task {}: no URL at the head of the queue of {} (sequence {}); skipping it", taskId,
                    host, state.head());
            updateHost(host, state, state.advanced(state.nextFetchAt()));
            counts.queued = Math.max(0, counts.queued - 1);
            return false;
        }
        CompletableFuture<WorkResult> result;
        try {
            result = CompletableFuture.supplyAsync(() -> perform(u), runtime.executor());
        } catch (RejectedExecutionException e) {
            return false; // shutting down: the URL stays queued
        }
        inFlight.put(host, new InFlight(u, state.head(), now, result));
        return true;
    }

    private WorkResult perform(FrontierUrl u) {
        try {
            return runtime.work().perform(u);
        } catch (RuntimeException | StackOverflowError e) {
            log.atWarn().setMessage("Fetch failed unexpectedly").addKeyValue("url", u.getUrl()).setCause(e).log();
            return WorkResult.of(status(u, FetchOutcome.FAILED, "crawler error: " + e, System.currentTimeMillis()));
        }
    }

    /** Applies every fetch that has finished; true when there was one. */
    private boolean applyFinished(long now) {
        boolean any = false;
        for (Iterator<Map.Entry<String, InFlight>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, InFlight> entry = it.next();
            if (!entry.getValue().result().isDone()) {
                continue;
            }
            it.remove();
            runtime.progress().releaseSlot();
            InFlight fetch = entry.getValue();
            WorkResult result;
            try {
                result = fetch.result().join();
            } catch (CompletionException | CancellationException e) {
                // An Error on the fetch thread (a stack overflow on a pathological page...): the URL is reported,
                // not retried forever.
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.atWarn().setMessage("Fetch failed unexpectedly").addKeyValue("url", fetch.url().getUrl())
                        .setCause(cause).log();
                result = WorkResult.of(status(fetch.url(), FetchOutcome.FAILED, "crawler error: " + cause, now));
            }
            apply(entry.getKey(), fetch, result, now);
            any = true;
        }
        return any;
    }

    private void apply(String host, InFlight fetch, WorkResult result, long now) {
        HostState state = hosts.get(host);
        if (state == null || state.head() != fetch.sequence()) {
            log.warn("Frontier task {}: queue of {} changed while {} was fetched; result dropped", taskId, host,
                    fetch.url().getUrl());
            return;
        }
        FrontierUrl u = fetch.url();
        Source source = runtime.sources().get(u.getSourceId());
        long floor = source.delay().toMillis();
        long retryWait = result.retryAfter() == null ? -1
                : Math.min(result.retryAfter().toMillis(), runtime.retryAfterCap().toMillis());
        if (retryWait >= 0 && state.attempts() < runtime.retryAttempts()) {
            log.atDebug().setMessage("Host asked to wait; URL kept queued").addKeyValue("url", u.getUrl())
                    .addKeyValue("waitMillis", retryWait).addKeyValue("attempt", state.attempts() + 1).log();
            updateHost(host, state, state.deferred(now + Math.max(retryWait, floor)));
            return;
        }
        queue.delete(FrontierStores.queueKey(host, state.head()));
        counts.queued = Math.max(0, counts.queued - 1);
        long next = result.requested()
                ? fetch.startedAt() + Math.max(floor, result.hostDelay().toMillis())
                : state.nextFetchAt();
        if (retryWait >= 0) {
            next = Math.max(next, now + retryWait);
        }
        updateHost(host, state, state.advanced(next));
        for (WorkResult.Page page : result.pages()) {
            publish(page, now);
        }
        for (FrontierUrl link : result.links()) {
            context.forward(new Record<>(link.getHost(), link, now), TO_FRONTIER);
        }
        if (result.continuation() != null) {
            enqueue(host, result.continuation());
        }
        reschedule(u, source, result, now);
    }

    /** Publishes a status (and its article, unless that article id was published before). */
    private void publish(WorkResult.Page page, long now) {
        FetchStatus status = page.status();
        Article article = page.article();
        if (article != null) {
            String idKey = "id:" + article.getId();
            if (seen.putIfAbsent(idKey, now) != null) {
                status = FetchStatus.newBuilder(status).setOutcome(FetchOutcome.DUPLICATE)
                        .setArticleId(article.getId())
                        .setReason("article " + article.getId() + " was already published (same canonical URL)")
                        .build();
            } else {
                context.forward(new Record<>(article.getId(), article, now), TO_ARTICLES);
            }
        }
        log.atDebug().setMessage("URL decided")
                .addKeyValue("url", status.getUrl())
                .addKeyValue("outcome", status.getOutcome())
                .addKeyValue("articleId", status.getArticleId())
                .addKeyValue("reason", status.getReason())
                .log();
        context.forward(new Record<>(status.getUrl(), status, now), TO_STATUSES);
        runtime.onStatus().accept(status);
    }

    /** Schedules the next poll of a re-polled URL, or forgets the schedule of a URL that is done. */
    private void reschedule(FrontierUrl u, Source source, WorkResult result, long now) {
        String url = u.getUrl();
        RepollSchedule schedule = repollOf(source, u);
        if (schedule == null) {
            if (polls.get(url) != null) {
                polls.delete(url);
            }
            return;
        }
        String fingerprintKey = "fp:" + url;
        Long previous = seen.get(fingerprintKey);
        boolean changed = result.fingerprint() != null && !result.fingerprint().equals(previous);
        if (result.fingerprint() != null) {
            seen.put(fingerprintKey, result.fingerprint());
        }
        Duration interval;
        if (previous == null) {
            interval = schedule.first(result.itemDates());
        } else {
            long previousInterval = u.getNotBefore().toEpochMilli() - u.getDiscoveredAt().toEpochMilli();
            interval = schedule.next(Duration.ofMillis(Math.max(1, previousInterval)), changed);
        }
        long at = now + interval.toMillis();
        schedule(FrontierUrl.newBuilder(u).setDiscoveredAt(Instant.ofEpochMilli(now))
                .setEtag(result.etag()).setLastModified(result.lastModified()).build(), at);
    }

    // ---------------------------------------------------------------- source rules

    private RepollSchedule repollOf(Source source, FrontierUrl u) {
        boolean seed = u.getReferrer() == null;
        if (source instanceof Source.Feed feed) {
            return seed || u.getKind() == FrontierKind.FEED ? feed.repoll() : null;
        }
        if (source instanceof Source.Sitemap sitemap) {
            return seed || u.getKind() == FrontierKind.SITEMAP ? sitemap.repoll() : null;
        }
        if (source instanceof Source.Site || source instanceof Source.Folder) {
            return seed ? runtime.listingRepoll() : null;
        }
        return null;
    }

    /** The max-pages budget per window of a site source; unlimited for the others (they cap per poll). */
    private static int budgetOf(Source source) {
        return source instanceof Source.Site site ? site.rules().maxPages() : Integer.MAX_VALUE;
    }

    // ---------------------------------------------------------------- bookkeeping

    private static FetchStatus status(FrontierUrl u, FetchOutcome outcome, String reason, long now) {
        return FetchStatus.newBuilder()
                .setUrl(u.getUrl())
                .setSourceId(u.getSourceId())
                .setOutcome(outcome)
                .setReason(reason)
                .setDepth(u.getDepth())
                .setDurationMillis(0)
                .setTimestamp(Instant.ofEpochMilli(now))
                .build();
    }

    /** Recounts queued URLs and hosts from the stores (the counts between are kept incrementally). */
    private void recount(long now) {
        long queued = 0;
        long busyHosts = 0;
        long largest = 0;
        try (KeyValueIterator<String, HostState> it = hosts.all()) {
            while (it.hasNext()) {
                long q = it.next().value.queued();
                queued += q;
                if (q > 0) {
                    busyHosts++;
                    largest = Math.max(largest, q);
                }
            }
        }
        counts.queued = queued;
        counts.hosts = busyHosts;
        counts.largestHostQueue = largest;
        counts.scheduled = due.approximateNumEntries();
        lastRecount = now;
    }

    @Override
    public void close() {
        // Fetches in flight are abandoned: their URLs are still at the head of their queues (in the committed
        // state), so whichever instance owns the partition next fetches them again.
        for (InFlight fetch : inFlight.values()) {
            fetch.result().cancel(true);
            runtime.progress().releaseSlot();
        }
        if (!inFlight.isEmpty()) {
            log.info("Frontier task {} closed with {} fetch(es) in flight; they will be repeated", taskId,
                    inFlight.size());
        }
        inFlight.clear();
        runtime.progress().removeTask(taskId);
    }
}
