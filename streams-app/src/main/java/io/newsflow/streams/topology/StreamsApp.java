package io.newsflow.streams.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RulesFile;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.rules.KafkaRuleAdmin;
import io.newsflow.streams.rules.RulePublisher;
import io.newsflow.streams.rules.RuleSync;
import io.newsflow.streams.rules.RulesTopic;
import io.newsflow.streams.web.AlertFeed;
import io.newsflow.streams.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running instance of the streams app: seeds and follows the alert rules topic, runs
 * {@link NewsTopology} with {@link KafkaStreams}, and serves the alerts page. Any number of
 * instances with the same application id split the input partitions between them.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
    private static final String SAMPLE_RULES = "/io/newsflow/streams/sample-rules.yaml";

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private KafkaStreams streams;
    private WebServer web;

    private StreamsApp() {
    }

    /**
     * Starts the app and waits until it is running.
     *
     * @throws IllegalArgumentException when the rules file holds an invalid rule (the message names it)
     * @throws IllegalStateException when the app does not reach RUNNING within {@code startTimeout}
     */
    public static StreamsApp start(StreamsAppConfig config, Duration startTimeout) {
        return start(config, startTimeout, new SimpleMeterRegistry(), RecordSerdes.singleObject());
    }

    /**
     * Starts the app, recording its meters (and Kafka Streams' own metrics) in {@code meters}, with
     * data topics in the wire format {@code serdes} chooses.
     *
     * @see #start(StreamsAppConfig, Duration)
     */
    public static StreamsApp start(StreamsAppConfig config, Duration startTimeout, MeterRegistry meters,
                                   RecordSerdes serdes) {
        StreamsApp app = new StreamsApp();
        try {
            app.startParts(config, startTimeout, meters, serdes);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startParts(StreamsAppConfig config, Duration startTimeout, MeterRegistry meters,
                            RecordSerdes serdes) {
        String rulesTopic = config.topics().alertRules();
        RulePublisher publisher = own(new RulePublisher(config.bootstrapServers(), config.kafkaOverrides(), rulesTopic));
        seedRules(config, publisher);
        AlertMatcher matcher = own(new AlertMatcher());
        RuleSync sync = own(new RuleSync(config.bootstrapServers(), config.kafkaOverrides(), rulesTopic, matcher));
        await(sync, startTimeout);

        TopologySettings settings = fitToTopic(config);
        Topology topology = NewsTopology.build(config.topics(), settings, ArticleEnricher.create(settings.categoriesModel()),
                matcher, Clock.systemUTC(), meters, serdes);
        log.info("Starting streams app {}\n{}", config.applicationId(), topology.describe());
        Properties props = config.toStreamsProperties();
        props.put(DeadLetterProductionHandler.METER_REGISTRY_CONFIG, meters);
        streams = new KafkaStreams(topology, props);
        resources.push(() -> streams.close(Duration.ofSeconds(30)));
        own(new KafkaStreamsMetrics(streams)).bindTo(meters);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        awaitRunning(startTimeout);

        if (config.web() != null) {
            AlertFeed feed = new AlertFeed(1000, Clock.systemUTC());
            own(new AlertTail(config.bootstrapServers(), config.kafkaOverrides(), config.topics().alerts(), feed,
                    serdes.serde(config.topics().alerts(), KeywordAlert.class)));
            web = own(WebServer.start(config.web(), feed, new KafkaRuleAdmin(matcher, publisher)));
            log.info("Alerts page at {}", web.uri());
        }
    }

    /**
     * Rules from {@code streams.rules.file} are written to the rules topic when they differ from what
     * it holds; without a file, the bundled sample rules are written once, into an empty topic.
     */
    private static void seedRules(StreamsAppConfig config, RulePublisher publisher) {
        Map<String, AlertRule> current = RulesTopic.readAll(config.bootstrapServers(), config.kafkaOverrides(),
                config.topics().alertRules());
        List<AlertRule> wanted;
        try {
            if (config.rulesFile() != null) {
                wanted = RulesFile.load(config.rulesFile());
            } else if (current.isEmpty()) {
                wanted = sampleRules();
            } else {
                return;
            }
            for (AlertRule rule : wanted) {
                AlertRule existing = current.get(rule.getId());
                if (existing == null || !sameContent(existing, rule)) {
                    publisher.publish(rule, existing);
                }
            }
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert rules " + config.rulesFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The topology settings with the record limit lowered to what the enriched topic accepts
     * ({@code max.message.bytes} less room for the batch header), so an oversized record is caught
     * before the broker refuses it.
     */
    private static TopologySettings fitToTopic(StreamsAppConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafkaOverrides());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, config.topics().articlesEnriched());
        try (Admin admin = Admin.create(p)) {
            var entry = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry != null && entry.value() != null) {
                int topicLimit = Integer.parseInt(entry.value()) - 512;
                if (topicLimit < config.topology().maxRecordBytes()) {
                    log.info("Enriched records over {} bytes go to the DLQ ({} of {})", topicLimit,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, topic.name());
                    return config.topology().withMaxRecordBytes(Math.max(1024, topicLimit));
                }
            }
        } catch (Exception e) {
            log.warn("Cannot read {} of {}; using output.max.record.bytes {}", TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    topic.name(), config.topology().maxRecordBytes(), e);
        }
        return config.topology();
    }

    static List<AlertRule> sampleRules() throws InvalidRuleException {
        try (InputStream in = StreamsApp.class.getResourceAsStream(SAMPLE_RULES)) {
            return RulesFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled sample rules", e);
        }
    }

    /** Equal except for the version, which the publisher assigns. */
    static boolean sameContent(AlertRule a, AlertRule b) {
        return a.getId().equals(b.getId()) && a.getName().equals(b.getName()) && a.getQuery().equals(b.getQuery())
                && Objects.equals(a.getOwner(), b.getOwner()) && a.getSeverity() == b.getSeverity()
                && a.getEnabled() == b.getEnabled() && a.getCategories().equals(b.getCategories())
                && a.getLanguages().equals(b.getLanguages()) && a.getSources().equals(b.getSources())
                && Objects.equals(a.getMinAbsSentiment(), b.getMinAbsSentiment());
    }

    private static void await(RuleSync sync, Duration timeout) {
        try {
            if (!sync.awaitLoaded(timeout)) {
                throw new IllegalStateException("alert rules topic not loaded within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading alert rules", e);
        }
    }

    private void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                throw new IllegalStateException("streams app did not reach RUNNING within " + timeout
                        + " (state " + streams.state() + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the streams app", e);
            }
        }
    }

    /** Current state of the underlying Kafka Streams instance. */
    public KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state();
    }

    /** Address of the alerts page, or null when it is off. */
    public URI webUri() {
        return web == null ? null : web.uri();
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
