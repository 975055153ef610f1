package io.newsflow.streams.topology;

import io.newsflow.schema.AlertRule;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.RulesFile;
import io.newsflow.streams.enrich.ArticleEnricher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running instance of the streams app: loads the alert rules, builds {@link NewsTopology} and runs
 * it with {@link KafkaStreams} until closed. Any number of instances with the same application id
 * split the input partitions between them.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
    private static final String SAMPLE_RULES = "/io/newsflow/streams/sample-rules.yaml";

    private final KafkaStreams streams;
    private final AlertMatcher matcher;

    private StreamsApp(KafkaStreams streams, AlertMatcher matcher) {
        this.streams = streams;
        this.matcher = matcher;
    }

    /**
     * Starts the app and waits until it is running.
     *
     * @throws IllegalArgumentException when the rules file holds an invalid rule (the message names it)
     * @throws IllegalStateException when the app does not reach RUNNING within {@code startTimeout}
     */
    public static StreamsApp start(StreamsAppConfig config, Duration startTimeout) {
        AlertMatcher matcher = new AlertMatcher();
        try {
            for (AlertRule rule : loadRules(config)) {
                matcher.upsert(rule);
            }
        } catch (InvalidRuleException e) {
            matcher.close();
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Topology topology = NewsTopology.build(config.topics(), ArticleEnricher.createDefault(), matcher, Clock.systemUTC());
        log.info("Starting streams app {} with {} alert rule(s)\n{}", config.applicationId(), matcher.rules().size(),
                topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.toStreamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        StreamsApp app = new StreamsApp(streams, matcher);
        streams.start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                app.close();
                throw new IllegalStateException("streams app did not reach RUNNING within " + startTimeout
                        + " (state " + streams.state() + ")");
            }
            sleep(100);
        }
        return app;
    }

    /** The rules from {@code streams.rules.file}, or the bundled sample rules when it is not set. */
    static List<AlertRule> loadRules(StreamsAppConfig config) throws InvalidRuleException {
        try {
            if (config.rulesFile() != null) {
                return RulesFile.load(config.rulesFile());
            }
            try (InputStream in = StreamsApp.class.getResourceAsStream(SAMPLE_RULES)) {
                return RulesFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alert rules " + config.rulesFile() + ": " + e.getMessage(), e);
        }
    }

    /** Current state of the underlying Kafka Streams instance. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        matcher.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the streams app", e);
        }
    }
}
