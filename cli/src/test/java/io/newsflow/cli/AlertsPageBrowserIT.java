package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.schema.Article;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.topology.StreamsApp;
import io.newsflow.streams.topology.StreamsAppConfig;
import io.newsflow.streams.topology.TopologySettings;
import io.newsflow.streams.web.WebConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts page in a real browser (Debian's Chromium driven by Playwright, {@code e2e/alerts-page.mjs}):
 * a rule is added through the page's form, a matching article is published to Kafka, and the alert
 * appears on the page, live. Runs with {@code mvn verify -Pbrowser}; {@code .ci/run} installs
 * Chromium and the script's npm packages first.
 */
class AlertsPageBrowserIT {

    @TempDir
    Path stateDir;

    @Test
    void ruleAddedOnThePageRaisesAnAlertThatAppearsLive() throws Exception {
        Path e2e = Path.of("..", "e2e").toAbsolutePath().normalize();
        assertThat(e2e.resolve("node_modules")).as("run: (cd e2e && npm ci)").isDirectory();
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("page-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 1, (short) 1);
        }
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), topics.prefix() + "app", topics,
                stateDir, 1, null, Map.of(), TopologySettings.defaults(), new WebConfig("127.0.0.1", 0, null));
        Path screenshot = Path.of("target", "alerts-page.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());

        try (StreamsApp app = StreamsApp.start(config, Duration.ofSeconds(60))) {
            ProcessBuilder pb = new ProcessBuilder("node", "alerts-page.mjs").directory(e2e.toFile()).redirectErrorStream(true);
            pb.environment().put("NEWSFLOW_WEB_URL", app.webUri().toString());
            pb.environment().put("NEWSFLOW_RULE_ID", "lantern-watch");
            pb.environment().put("NEWSFLOW_RULE_QUERY", "lantern AND festival");
            pb.environment().put("NEWSFLOW_SCREENSHOT", screenshot.toString());
            Process node = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("RULE_ADDED")) {
                        publishMatchingArticle(kafka, topics);
                    }
                }
            }
            boolean exited = node.waitFor(150, TimeUnit.SECONDS);
            if (!exited) {
                node.destroyForcibly();
            }
            assertThat(exited).as("browser script finished; output:%n%s", String.join("\n", lines)).isTrue();
            assertThat(node.exitValue()).as("browser script output:%n%s", String.join("\n", lines)).isZero();
            assertThat(lines).contains("RULE_ADDED lantern-watch", "ALERT_SEEN lantern-watch");
            assertThat(screenshot).isNotEmptyFile();
        }
    }

    private static void publishMatchingArticle(EmbeddedKafka kafka, Topics topics) throws Exception {
        Article article = Article.newBuilder()
                .setId("lantern-1")
                .setUrl("http://127.0.0.1/lantern-1")
                .setCanonicalUrl("http://127.0.0.1/lantern-1")
                .setSourceId("browser-test")
                .setTitle("Lantern festival draws record crowds")
                .setBody("Thousands of people came to the lantern festival on the waterfront on Saturday night. "
                        + "Musicians played until midnight and stalls sold food from every corner of the region.")
                .setSource("The Test Gazette")
                .setFetchedAt(Instant.now())
                .build();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.articlesRaw(), article.getId(), AvroSerde.of(Article.class).encode(article))).get();
        }
    }
}
