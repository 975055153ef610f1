package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.schema.AlertKind;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once under crashes: the streams app runs as a child JVM ({@code newsflow streams}) and is
 * killed with SIGKILL three times at random moments while it works through the input; after the
 * last restart has caught up, the set of article ids on {@code news.articles.enriched} (read with
 * {@code read_committed}) equals the input set: none missing, none twice; and the bundled weather
 * rule has exactly one NEW alert per story it matches. CI runs 1,000 articles;
 * the full harness: {@code mvn -pl cli verify -Dit.test=CrashRecoveryIT -Dnewsflow.crash.articles=100000}.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    @Test
    void killedThreeTimesWithSigkillTheEnrichedIdsEqualTheInputIds() throws Exception {
        int n = Integer.getInteger("newsflow.crash.articles", 1000);
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics topics = new Topics(prefix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 3, (short) 1);
        }
        produce(kafka, topics, n);

        Random random = new Random(7);
        List<String> kills = new ArrayList<>();
        for (int kill = 1; kill <= 3; kill++) {
            Process app = startApp(kafka, prefix);
            long waitMillis = 8_000 + random.nextInt(8_000);
            Thread.sleep(waitMillis);
            app.destroyForcibly().waitFor();
            kills.add("kill " + kill + " after " + waitMillis + " ms");
        }
        Process last = startApp(kafka, prefix);
        try {
            List<ConsumerRecord<String, byte[]>> enriched = TopicReader.read(kafka.bootstrapServers(),
                    topics.articlesEnriched(), n, Duration.ofMinutes(Integer.getInteger("newsflow.crash.minutes", 6)),
                    Duration.ofSeconds(5));
            Map<String, Integer> counts = new HashMap<>();
            enriched.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
            long duplicates = counts.values().stream().filter(c -> c > 1).count();
            long missing = n - counts.size();
            System.out.printf("crash recovery: %s; input %d, enriched records %d, distinct ids %d, missing %d, duplicates %d%n",
                    kills, n, enriched.size(), counts.size(), missing, duplicates);
            if (missing > 0) {
                try (var logs = java.nio.file.Files.list(dir)) {
                    for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("app-")).sorted().toList()) {
                        List<String> lines = java.nio.file.Files.readAllLines(log);
                        System.out.println("--- " + log.getFileName() + " (last lines)");
                        lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
                    }
                }
            }
            assertThat(missing).isZero();
            assertThat(duplicates).isZero();
            assertThat(enriched).hasSize(n);
            checkAlerts(kafka, topics, enriched);
        } finally {
            last.destroy();
            last.waitFor();
        }
    }

    /**
     * One NEW alert per rule per story, none lost: for the bundled rule {@value #WEATHER_RULE}
     * ({@code flood* OR storm* OR evacuat*}), the stories with a NEW alert are exactly the stories of the
     * enriched articles whose text has "flood" or "storm", each alerted once.
     */
    private static void checkAlerts(EmbeddedKafka kafka, Topics topics, List<ConsumerRecord<String, byte[]>> enriched) {
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        Set<String> expectedStories = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> r : enriched) {
            EnrichedArticle e = enrichedSerde.decode(r.value());
            String text = (e.getArticle().getTitle() + " " + e.getArticle().getBody()).toLowerCase(Locale.ROOT);
            if (text.matches("(?s).*\\b(flood|storm).*")) {
                expectedStories.add(e.getStoryId());
            }
        }
        // The alerts were committed with the enriched records that caused them, so they are all there now:
        // read at least one per expected story, then keep reading until nothing new comes for 5 s.
        List<ConsumerRecord<String, byte[]>> alerts = TopicReader.read(kafka.bootstrapServers(), topics.alerts(),
                expectedStories.size(), Duration.ofMinutes(2), Duration.ofSeconds(5));
        AvroSerde<KeywordAlert> alertSerde = AvroSerde.of(KeywordAlert.class);
        Map<String, Integer> newPerStory = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : alerts) {
            KeywordAlert a = alertSerde.decode(r.value());
            if (a.getRuleId().equals(WEATHER_RULE) && a.getKind() == AlertKind.NEW) {
                newPerStory.merge(a.getStoryId(), 1, Integer::sum);
            }
        }
        long doubled = newPerStory.values().stream().filter(c -> c > 1).count();
        Set<String> missingStories = new TreeSet<>(expectedStories);
        missingStories.removeAll(newPerStory.keySet());
        System.out.printf("crash recovery alerts: %d alert records; rule %s: %d stories expected, %d with a NEW alert, "
                + "missing %d, alerted twice %d%n", alerts.size(), WEATHER_RULE, expectedStories.size(),
                newPerStory.size(), missingStories.size(), doubled);
        assertThat(expectedStories).isNotEmpty();
        assertThat(missingStories).isEmpty();
        assertThat(doubled).isZero();
        assertThat(newPerStory.keySet()).isEqualTo(expectedStories);
    }

    private static final String WEATHER_RULE = "severe-weather";

    private Process startApp(EmbeddedKafka kafka, String prefix) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Newsflow.class.getName(), "streams", "--bootstrap-servers", kafka.bootstrapServers(),
                "--data-dir", dir.toString(), "--set", "topic.prefix=" + prefix,
                "--set", "streams.application.id=" + prefix + "app", "--set", "web.enabled=false",
                "--set", "metrics.enabled=false", "--set", "streams.num.threads=2");
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), "app-" + System.nanoTime() + ".log"));
        return pb.start();
    }

    private static void produce(EmbeddedKafka kafka, Topics topics, int n) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        AvroSerde<Article> serde = AvroSerde.of(Article.class);
        String[] words = ("harbour council river storm market festival minister bank rates election court police "
                + "hospital school tram port ferry museum budget strike weather flood wind bridge vote").split(" ");
        Random random = new Random(1);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 120; w++) {
                    body.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
                }
                String id = String.format("a%06d", i);
                Article a = Article.newBuilder().setId(id).setUrl("http://127.0.0.1/" + id).setCanonicalUrl("http://127.0.0.1/" + id)
                        .setSourceId("crash").setTitle("Report " + i).setBody(body.toString()).setFetchedAt(Instant.now()).build();
                producer.send(new ProducerRecord<>(topics.articlesRaw(), id, serde.encode(a)));
            }
        }
    }
}
