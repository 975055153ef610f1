package io.newsflow.cli;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.ProducerSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.producer.crawl.CrawlMetrics;
import io.newsflow.producer.crawl.CrawlReport;
import io.newsflow.producer.crawl.Crawler;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.discover.SourcesFile;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Settings;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.topology.StreamsApp;
import io.newsflow.streams.topology.StreamsAppConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process, as {@code newsflow run} wires it: the embedded broker (unless
 * {@code bootstrap.servers} is set), topics, the sample site (unless a sources file is set), the
 * streams app, a console watcher, and a crawler instance (its own Kafka Streams app on
 * {@code news.frontier}). Closes everything in reverse order, so the crawler stops first.
 */
final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final String SAMPLE_SOURCES = "/io/newsflow/producer/sample-sources.yaml";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Crawler crawler;
    private final ConsoleWatcher watcher;
    private final Duration onceTimeout;

    private Pipeline(Map<String, String> settings, PrintWriter out) {
        try {
            String bootstrap = settings.get("bootstrap.servers");
            if (bootstrap.isBlank()) {
                EmbeddedKafka kafka = own(startBroker(settings));
                bootstrap = kafka.bootstrapServers();
                out.printf("Embedded Kafka broker at %s%n", bootstrap);
            }
            Map<String, String> effective = new java.util.HashMap<>(settings);
            effective.put("bootstrap.servers", bootstrap);
            ProducerSettings producerSettings = ProducerSettings.from(effective);
            StreamsAppConfig streamsConfig = StreamsAppConfig.from(effective);
            createTopics(effective);
            MeterRegistry meters = startMetrics(settings, out);
            RecordSerdes serdes = RecordSerdes.from(settings);

            List<Source> sources = own(Sources.load(producerSettings, samplePort(settings), out)).list();
            StreamsApp streams = own(StreamsApp.start(streamsConfig, Duration.ofSeconds(120), meters, serdes));
            if (streams.webUri() != null) {
                out.printf("Alerts page at %s%n", streams.webUri());
            }
            this.watcher = own(new ConsoleWatcher(bootstrap, producerSettings.kafkaOverrides(),
                    producerSettings.topics(), serdes, out));
            this.crawler = own(Crawler.start(producerSettings, sources, serdes, new CrawlMetrics(meters),
                    Duration.ofSeconds(120)));
            this.onceTimeout = Duration.ofMillis(Settings.number(settings, "run.once.timeout.ms", 180_000));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts every part; on failure, what was started is stopped again. */
    static Pipeline start(Map<String, String> settings, PrintWriter out) {
        return new Pipeline(settings, out);
    }

    /** Starts the embedded broker on {@code broker.port} with its data under {@code data.dir}/kafka. */
    static EmbeddedKafka startBroker(Map<String, String> settings) {
        int port = (int) Settings.number(settings, "broker.port", 19092);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("broker.port must be between 0 and 65535, got " + port);
        }
        return EmbeddedKafka.start(Path.of(settings.get("data.dir")).resolve("kafka"), port, Map.of());
    }

    /** Serves /metrics when {@code metrics.enabled}; the registry is a plain in-memory one otherwise. */
    private MeterRegistry startMetrics(Map<String, String> settings, PrintWriter out) {
        MetricsServer server = metricsServer(settings);
        if (server == null) {
            return new SimpleMeterRegistry();
        }
        own(server);
        out.printf("Metrics at %s%n", server.uri());
        return server.registry();
    }

    /** A metrics server on {@code metrics.port}, or null when {@code metrics.enabled} is false. */
    static MetricsServer metricsServer(Map<String, String> settings) {
        if (!Boolean.parseBoolean(settings.getOrDefault("metrics.enabled", "true"))) {
            return null;
        }
        int port = (int) Settings.number(settings, "metrics.port", 9464);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics.port must be between 0 and 65535, got " + port);
        }
        return MetricsServer.start(port);
    }

    /** The {@code sample.site.port} setting, checked. */
    static int samplePort(Map<String, String> settings) {
        int port = (int) Settings.number(settings, "sample.site.port", 18080);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("sample.site.port must be between 0 and 65535, got " + port);
        }
        return port;
    }

    /**
     * Seeds every source and waits until the frontier is drained (at most {@code run.once.timeout.ms});
     * returns what was published.
     */
    CrawlReport crawl() throws InterruptedException {
        return crawler.crawlOnce(onceTimeout);
    }

    /** The crawler instance of this process. */
    Crawler crawler() {
        return crawler;
    }

    ConsoleWatcher watcher() {
        return watcher;
    }

    /** The configured sources, and the sample site serving them when no sources file is set. */
    record Sources(List<Source> list, SampleSite sampleSite) implements AutoCloseable {

        /** Loads {@code producer.sources.file}, or starts the sample site and uses the bundled sources. */
        static Sources load(ProducerSettings settings, int samplePort, PrintWriter out) {
            try {
                if (settings.sourcesFile() != null) {
                    return new Sources(SourcesFile.load(settings.sourcesFile(), Map.of()), null);
                }
                SampleSite site = SampleSite.start(samplePort);
                out.printf("Sample news site at %s%n", site.baseUri());
                try (InputStream in = Pipeline.class.getResourceAsStream(SAMPLE_SOURCES)) {
                    return new Sources(SourcesFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            Map.of("sample.site", site.baseUri().toString()), "bundled sample-sources.yaml"), site);
                } catch (RuntimeException | IOException e) {
                    site.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read sources: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (sampleSite != null) {
                sampleSite.close();
            }
        }
    }

    /** Creates the Newsflow topics missing on {@code bootstrap.servers}. */
    static void createTopics(Map<String, String> settings) {
        createTopics(settings, settings.get("bootstrap.servers"));
    }

    /** Creates the Newsflow topics missing on {@code bootstrapServers}. */
    static void createTopics(Map<String, String> settings, String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(Settings.kafkaOverrides(settings));
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            var created = TopicSetup.ensure(admin, new Topics(settings.get("topic.prefix")),
                    (int) Settings.number(settings, "topic.partitions", 3),
                    (short) Settings.number(settings, "topic.replication.factor", 1));
            if (!created.isEmpty()) {
                log.info("Created topics {}", created);
            }
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}", r.getClass().getSimpleName(), e);
            }
        }
    }
}
