package io.newsflow.producer.crawl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.frontier.BoundedRocksDbMemory;
import io.newsflow.producer.frontier.FrontierProgress;
import io.newsflow.producer.frontier.FrontierRuntime;
import io.newsflow.producer.frontier.FrontierTopology;
import io.newsflow.producer.frontier.FrontierUrls;
import io.newsflow.producer.frontier.TrapRules;
import io.newsflow.producer.politeness.RobotsPolicy;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running crawler instance: the producer's stages wired together. Configured sources are seeded into
 * {@code news.frontier}; a Kafka Streams app ({@link FrontierTopology}, {@code exactly_once_v2}) consumes
 * it: frontier (dedupe, traps, per-host queues and politeness) → fetch ({@link HttpFetcher}, with
 * {@link RobotsPolicy}) → extract ({@link ArticleExtractor}) → publish to {@code news.articles.raw},
 * {@code news.fetch-status} and, for links found, back to {@code news.frontier}; see {@link PageWorker}.
 *
 * <p>Instances with the same {@code producer.crawl.application.id} split the frontier's partitions, so a
 * host is only ever fetched by the instance that owns its partition; when one stops or dies, its
 * partitions, with their queues and seen-sets (changelogged RocksDB stores), move to the others.
 *
 * <p>{@link #crawlOnce} runs until the frontier is drained: nothing queued or in flight here, every
 * frontier record consumed and committed (consumer group lag 0), and a commit observed after the last
 * activity, so that no link still sits in an open transaction. Re-polls scheduled for later are not waited
 * for. Thread-safe; {@link #close()} stops new fetches, lets those in flight finish and commit, then stops.
 */
public final class Crawler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Topics topics;
    private final String applicationId;
    private final FrontierProgress progress;
    private final CrawlMetrics metrics;
    private final List<Source> sources;
    private final Clock clock;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> seedProducer;
    private final Serializer<FrontierUrl> frontierSerializer;
    private final Deserializer<FetchStatus> statusDeserializer;
    private final Map<String, String> clientProperties;
    private final ExecutorService fetchThreads;
    private final PageWorker worker;
    private final Duration drainTimeout;
    private final Map<TopicPartition, Long> statusMarks;
    private final KafkaStreams streams;

    private Crawler(ProducerSettings settings, List<Source> sources, RecordSerdes serdes, CrawlMetrics metrics,
                    Clock clock) {
        CrawlSettings crawl = settings.crawl();
        this.topics = settings.topics();
        this.applicationId = crawl.applicationId();
        this.sources = List.copyOf(sources);
        this.metrics = metrics;
        this.clock = clock;
        this.progress = new FrontierProgress(crawl.concurrency());
        this.drainTimeout = settings.fetch().totalTimeout().plusSeconds(10);
        this.clientProperties = new HashMap<>(settings.kafkaOverrides());
        clientProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        this.admin = Admin.create(new HashMap<>(clientProperties));
        this.frontierSerializer = serdes.serde(topics.frontier(), FrontierUrl.class).serializer();
        this.statusDeserializer = serdes.serde(topics.fetchStatus(), FetchStatus.class).deserializer();
        try {
            this.statusMarks = endOffsets(topics.fetchStatus());
        } catch (RuntimeException e) {
            admin.close(Duration.ofSeconds(5));
            throw e;
        }
        this.seedProducer = seedProducer(clientProperties);

        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.fetchThreads = Executors.newFixedThreadPool(crawl.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "newsflow-fetch-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        FetchSettings fetch = settings.fetch();
        HttpFetcher fetcher = new HttpFetcher(fetch);
        Map<String, Source> byId = new LinkedHashMap<>();
        sources.forEach(s -> byId.put(s.id(), s));
        this.worker = new PageWorker(byId, fetcher, PageWorker.robotsPolicy(fetcher, fetch.userAgent(), clock, crawl),
                new ArticleExtractor(settings.siteRules()), clock);
        FrontierRuntime runtime = new FrontierRuntime(byId, worker, fetchThreads, progress, crawl.tick(),
                crawl.budgetWindow(), crawl.listingRepoll(), crawl.retryAfterCap(), crawl.retryAttempts(),
                new TrapRules(clock), metrics::record);
        metrics.bindFrontier(progress);
        this.streams = new KafkaStreams(FrontierTopology.build(topics, serdes, runtime), streamsProperties(settings));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Crawler stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
    }

    /**
     * Starts a crawler instance and waits until it runs. The topics must exist
     * ({@code TopicSetup.ensure}).
     *
     * @throws IllegalStateException when it does not reach RUNNING within {@code startTimeout}
     */
    public static Crawler start(ProducerSettings settings, List<Source> sources, RecordSerdes serdes,
                                CrawlMetrics metrics, Duration startTimeout) {
        Crawler crawler = new Crawler(settings, sources, serdes, metrics, Clock.systemUTC());
        try {
            log.info("Starting crawler {} ({} source(s), {} fetch(es) at a time)", crawler.applicationId,
                    sources.size(), settings.crawl().concurrency());
            crawler.streams.start();
            crawler.awaitRunning(startTimeout);
            return crawler;
        } catch (RuntimeException e) {
            crawler.close();
            throw e;
        }
    }

    private Properties streamsProperties(ProducerSettings settings) {
        CrawlSettings crawl = settings.crawl();
        Properties p = new Properties();
        p.putAll(settings.kafkaOverrides());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, crawl.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, crawl.stateDir().toAbsolutePath().toString());
        // One stream thread: fetches run on the fetch threads, so more stream threads would add nothing but
        // transactions; scale out with more instances.
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, crawl.commitInterval().toMillis());
        // The stream thread applies finished fetches and starts new ones between polls: do not let an empty poll
        // hold it for the default 100 ms.
        p.put(StreamsConfig.POLL_MS_CONFIG, Math.min(100, crawl.tick().toMillis()));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        p.put(BoundedRocksDbMemory.MEMORY_CONFIG, Long.toString(crawl.rocksDbMemoryBytes()));
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Links found travel through news.frontier: do not let each hop wait the default 500 ms on the broker.
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 100);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, "-1");
        return p;
    }

    private static KafkaProducer<String, byte[]> seedProducer(Map<String, String> clientProperties) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-crawler-seeds-" + INSTANCES.get());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    // ---------------------------------------------------------------- seeding

    /**
     * The seeds of {@code sources}: start URLs, feeds, sitemaps, folders and WARC files, each asking to be
     * polled at {@code nowMillis} (a seed already known is polled then instead of at its scheduled time).
     */
    public static List<FrontierUrl> seeds(List<Source> sources, long nowMillis) {
        List<FrontierUrl> seeds = new ArrayList<>();
        for (Source source : sources) {
            if (source instanceof Source.Site site) {
                site.start().forEach(u -> seeds.add(seed(u.toString(), site.id(), FrontierKind.PAGE, nowMillis)));
            } else if (source instanceof Source.Feed feed) {
                feed.feeds().forEach(u -> seeds.add(seed(u.toString(), feed.id(), FrontierKind.FEED, nowMillis)));
            } else if (source instanceof Source.Sitemap sitemap) {
                sitemap.sitemaps().forEach(u -> seeds.add(seed(u.toString(), sitemap.id(), FrontierKind.SITEMAP,
                        nowMillis)));
            } else if (source instanceof Source.Folder folder) {
                seeds.add(seed(localUri(folder.path()), folder.id(), FrontierKind.PAGE, nowMillis));
            } else if (source instanceof Source.Warc warc) {
                seeds.add(seed(localUri(warc.path()), warc.id(), FrontierKind.PAGE, nowMillis));
            }
        }
        return seeds;
    }

    private static FrontierUrl seed(String url, String sourceId, FrontierKind kind, long now) {
        return FrontierUrls.of(url, sourceId, kind, 0, null, now, now);
    }

    private static String localUri(java.nio.file.Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    /** Sends the seeds of every configured source to {@code news.frontier} and waits until they are written. */
    public void seed() {
        List<FrontierUrl> seeds = seeds(sources, clock.millis());
        for (FrontierUrl seed : seeds) {
            seedProducer.send(new ProducerRecord<>(topics.frontier(), seed.getHost(),
                    frontierSerializer.serialize(topics.frontier(), seed)));
        }
        seedProducer.flush();
        log.info("Seeded {} URL(s) of {} source(s)", seeds.size(), sources.size());
    }

    // ---------------------------------------------------------------- once

    /**
     * Seeds, waits until the frontier is drained, and reports what this crawler published since it started.
     *
     * @throws IllegalStateException when the frontier is not drained within {@code timeout}
     */
    public CrawlReport crawlOnce(Duration timeout) throws InterruptedException {
        seed();
        if (!awaitIdle(timeout)) {
            throw new IllegalStateException("crawl not finished within " + timeout + ": " + progress.queued()
                    + " URL(s) queued, " + progress.inFlight() + " in flight");
        }
        CrawlReport report = report();
        log.info("Crawl finished: {}", report);
        return report;
    }

    /**
     * Waits until the frontier is drained (see the class comment); false when {@code timeout} passes first.
     *
     * @throws IllegalStateException when the crawler stops running
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return awaitIdle(timeout, () -> false);
    }

    /** As {@link #awaitIdle(Duration)}, giving up (false) as soon as {@code stop} says so. */
    public boolean awaitIdle(Duration timeout, BooleanSupplier stop) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastActivity = -1;
        double lastCommits = -1;
        int poll = 0;
        int activityPoll = 0;
        int commitPoll = 0;
        while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
            poll++;
            long activity = progress.activity();
            double commits = commitTotal();
            if (activity != lastActivity) {
                lastActivity = activity;
                activityPoll = poll;
            }
            if (commits != lastCommits) {
                lastCommits = commits;
                commitPoll = poll;
            }
            KafkaStreams.State state = streams.state();
            if (!state.isRunningOrRebalancing()) {
                throw new IllegalStateException("crawler stopped (state " + state + ")");
            }
            // A commit completed after the last activity was seen: whatever that activity produced is visible.
            if (state == KafkaStreams.State.RUNNING && progress.inFlight() == 0 && progress.queued() == 0
                    && commitPoll > activityPoll && frontierLag() == 0 && progress.activity() == activity) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Sum of the stream threads' {@code commit-total}. */
    private double commitTotal() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            if (e.getKey().name().equals("commit-total") && e.getKey().group().equals("stream-thread-metrics")) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n) {
                    total += n.doubleValue();
                }
            }
        }
        return total;
    }

    /** Frontier records not yet consumed and committed by this application, over all partitions. */
    long frontierLag() {
        try {
            Map<TopicPartition, Long> ends = endOffsets(topics.frontier());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(end.getKey());
                lag += Math.max(0, end.getValue() - (c == null ? 0 : c.offset()));
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Cannot read the frontier lag", e);
            return Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }

    /** The end offsets of {@code topic} as {@code read_committed} consumers see them. */
    private Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end offsets of " + topic, e);
        }
    }

    /**
     * What was published since this crawler started: the committed {@code news.fetch-status} records
     * written since then (by any crawler instance sharing the cluster).
     */
    public CrawlReport report() {
        return CrawlReport.of(statusesSinceStart());
    }

    /** The committed statuses written to {@code news.fetch-status} since this crawler started. */
    public List<FetchStatus> statusesSinceStart() {
        Map<TopicPartition, Long> ends = endOffsets(topics.fetchStatus());
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<FetchStatus> statuses = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            Set<TopicPartition> pending = new HashSet<>();
            for (TopicPartition tp : ends.keySet()) {
                long from = statusMarks.getOrDefault(tp, 0L);
                consumer.seek(tp, from);
                if (from < ends.get(tp)) {
                    pending.add(tp);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        statuses.add(statusDeserializer.deserialize(r.topic(), r.value()));
                    }
                }
                pending.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
            }
        }
        return statuses;
    }

    // ---------------------------------------------------------------- state

    /** Live counters of this instance (queued URLs, fetches in flight, activity). */
    public FrontierProgress progress() {
        return progress;
    }

    /** This instance's meters. */
    public CrawlMetrics metrics() {
        return metrics;
    }

    /** The Kafka Streams state of this instance. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The {@code news.frontier} partitions this instance owns now. */
    public Set<Integer> frontierPartitions() {
        Set<Integer> partitions = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(topics.frontier()))
                        .forEach(tp -> partitions.add(tp.partition()));
            }
        }
        return partitions;
    }

    /** Exposes Kafka Streams' and its clients' metrics of this instance in {@code registry}. */
    public AutoCloseable bindStreamsMetrics(MeterRegistry registry) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(registry);
        return binder;
    }

    /** The sources this crawler was started with. */
    public List<Source> sources() {
        return sources;
    }

    private void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("crawler did not reach RUNNING within " + timeout + " (state "
                        + streams.state() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the crawler", e);
            }
        }
    }

    /**
     * Stops gracefully: no new fetches start, those in flight finish and are committed, then Kafka Streams
     * closes (committing) and the partitions move to the other instances.
     */
    @Override
    public void close() {
        progress.drain();
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            while (progress.inFlight() > 0 && System.nanoTime() < deadline && streams.state().isRunningOrRebalancing()) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Leave the group at once, so that the partitions move to the other instances now rather than after
        // the session timeout.
        streams.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(60))
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        fetchThreads.shutdownNow();
        worker.close();
        seedProducer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
