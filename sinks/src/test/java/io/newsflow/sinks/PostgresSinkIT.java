package io.newsflow.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.streams.flat.FlatRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: flat records on Kafka → a real Kafka Connect worker (standalone, in-process) running the
 * Debezium JDBC sink with the connector files shipped in {@code connectors/} → a real PostgreSQL server.
 * Shows that every article becomes one row keyed by its id, that re-delivery after a Connect restart
 * upserts instead of duplicating, that alerts land in their own table, and that a tombstone deletes a row.
 * The row counts are printed.
 */
class PostgresSinkIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final int PARTITIONS = 3;

    private static LocalPostgres postgres;
    private static EmbeddedKafka kafka;
    private static Admin admin;
    private static String prefix;
    private static String articlesTopic;
    private static String alertsTopic;
    private static Path repoRoot;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startServices() throws Exception {
        postgres = LocalPostgres.start();
        kafka = EmbeddedKafka.shared();
        prefix = "sinkit-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        articlesTopic = prefix + "news.articles.flat";
        alertsTopic = prefix + "news.alerts.flat";
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(articlesTopic, PARTITIONS, (short) 1),
                new NewTopic(alertsTopic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        repoRoot = Path.of(System.getProperty("newsflow.repo.root", "..")).toAbsolutePath().normalize();
    }

    @AfterAll
    static void stopServices() {
        if (admin != null) {
            admin.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void articlesAndAlertsLandOncePerKeyAcrossAConnectRestart() throws Exception {
        List<EnrichedArticle> articles = NewsFixtures.enrichedArticles();
        List<KeywordAlert> alerts = NewsFixtures.alerts(articles);
        int n = articles.size();
        int m = alerts.size();
        assertThat(n).isEqualTo(20);
        assertThat(m).as("the fixture rules match several articles").isGreaterThanOrEqualTo(3);
        Map<String, String> titles = articles.stream()
                .collect(Collectors.toMap(a -> a.getArticle().getId(), a -> a.getArticle().getTitle()));
        assertThat(titles).hasSize(n);

        produceArticles(articles, null);
        produceAlerts(alerts);

        Map<String, String> articlesConnector = connector("postgres-articles.properties", articlesTopic);
        Map<String, String> alertsConnector = connector("postgres-alerts.properties", alertsTopic);

        // 1. First delivery: one row per article, keyed by id, with the right titles; alerts in their table.
        try (ConnectWorker worker = startWorker()) {
            worker.putConnector(articlesConnector);
            worker.putConnector(alertsConnector);
            awaitRows(worker, articlesConnector, "news_articles", n);
            awaitRows(worker, alertsConnector, "news_alerts", m);
            awaitCaughtUp(articlesConnector, articlesTopic);
            awaitCaughtUp(alertsConnector, alertsTopic);
        }
        assertThat(titlesById()).isEqualTo(titles);
        assertThat(queryLong("SELECT count(*) FROM news_articles WHERE published_at IS NULL"))
                .isEqualTo(articles.stream().filter(a -> a.getArticle().getPublishedAt() == null).count());
        assertThat(columnTypes("news_articles")).containsEntry("id", "text")
                .containsEntry("published_at", "timestamp without time zone")
                .containsEntry("sentiment_score", "double precision")
                .containsEntry("categories", "text");
        assertThat(primaryKey("news_articles")).containsExactly("id");
        assertThat(primaryKey("news_alerts")).containsExactly("alert_id");
        assertThat(alertIds()).isEqualTo(alerts.stream().map(KeywordAlert::getAlertId).collect(Collectors.toSet()));
        report("after first delivery", n, m);

        // 2. Re-delivery: rewind the sinks' consumer groups so Connect reads everything again, and produce
        //    every article a second time, one with a corrected title; then restart the worker.
        rewind(articlesConnector);
        rewind(alertsConnector);
        String correctedId = articles.get(3).getArticle().getId();
        String correctedTitle = titles.get(correctedId) + " (corrected)";
        produceArticles(articles, Map.of(correctedId, correctedTitle));
        try (ConnectWorker worker = startWorker()) {
            worker.putConnector(articlesConnector);
            worker.putConnector(alertsConnector);
            await("corrected title upserted").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(titlesById()).as(worker.status(name(articlesConnector)))
                            .containsEntry(correctedId, correctedTitle));
            // Every re-delivered record has been written and committed: then count.
            awaitCaughtUp(articlesConnector, articlesTopic);
            awaitCaughtUp(alertsConnector, alertsTopic);
            assertThat(queryLong("SELECT count(*) FROM news_articles")).isEqualTo(n);
            assertThat(queryLong("SELECT count(DISTINCT id) FROM news_articles")).isEqualTo(n);
            assertThat(queryLong("SELECT count(*) FROM news_alerts")).isEqualTo(m);
            assertThat(queryLong("SELECT count(DISTINCT alert_id) FROM news_alerts")).isEqualTo(m);
            report("after Connect restart and re-delivery of " + (2 * n) + " article and " + m + " alert records",
                    n, m);

            // 3. A tombstone (an article withdrawn) deletes its row.
            String withdrawn = articles.get(0).getArticle().getId();
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>(articlesTopic, withdrawn, null)).get(30, TimeUnit.SECONDS);
            }
            await("tombstone deletes the row").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(queryLong("SELECT count(*) FROM news_articles"))
                            .as(worker.status(name(articlesConnector))).isEqualTo(n - 1));
            assertThat(titlesById()).doesNotContainKey(withdrawn);
            report("after a tombstone for one article", n - 1, m);
        }
        Map<String, String> expected = new HashMap<>(titles);
        expected.put(correctedId, correctedTitle);
        expected.remove(articles.get(0).getArticle().getId());
        assertThat(titlesById()).isEqualTo(expected);
    }

    private ConnectWorker startWorker() throws Exception {
        Path offsets = workDir.resolve("connect.offsets");
        // Standalone mode keeps source offsets in this file; delete it so nothing survives a restart.
        Files.deleteIfExists(offsets);
        return ConnectWorker.start(repoRoot.resolve("connectors/connect-standalone.properties"), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "offset.storage.file.filename", offsets.toString(),
                "offset.flush.interval.ms", "1000",
                "listeners", "http://127.0.0.1:0",
                // The connector is on the test classpath, not in a plugin folder.
                "plugin.path", "",
                "plugin.discovery", "service_load"));
    }

    /** A shipped connector file with this test's topic, connector name and database substituted. */
    private Map<String, String> connector(String file, String topic) throws Exception {
        Map<String, String> config = ConnectWorker.load(repoRoot.resolve("connectors").resolve(file));
        assertThat(config).containsEntry("insert.mode", "upsert").containsEntry("primary.key.mode", "record_key")
                .containsKeys("connection.url", "connection.username", "connection.password", "topics");
        config.put("name", prefix + config.get("name"));
        config.put("topics", topic);
        config.put("connection.url", postgres.jdbcUrl());
        config.put("connection.username", LocalPostgres.USER);
        config.put("connection.password", "unused-trust-auth");
        return config;
    }

    private static String name(Map<String, String> connector) {
        return connector.get("name");
    }

    private void awaitRows(ConnectWorker worker, Map<String, String> connector, String table, int expected) {
        await(table + " has " + expected + " rows").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(tableExists(table) ? queryLong("SELECT count(*) FROM " + table) : -1)
                        .as("rows in %s; connector %s", table, worker.status(name(connector)))
                        .isEqualTo(expected));
    }

    /** Waits until the sink's consumer group has committed the end of every partition of {@code topic}. */
    private void awaitCaughtUp(Map<String, String> connector, String topic) {
        String group = "connect-" + name(connector);
        await(group + " caught up on " + topic).atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
            });
        });
    }

    /** Deletes the sink's consumer group (the worker is stopped), so it reads its topic from the start again. */
    private void rewind(Map<String, String> connector) {
        String group = "connect-" + name(connector);
        // The group may take a moment to become empty after the worker's consumers leave.
        await("delete " + group).atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    admin.deleteConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS);
                    return true;
                });
    }

    private void produceArticles(List<EnrichedArticle> articles, Map<String, String> retitled) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (EnrichedArticle a : articles) {
                String id = a.getArticle().getId();
                if (retitled != null && retitled.containsKey(id)) {
                    a.getArticle().setTitle(retitled.get(id));
                }
                producer.send(new ProducerRecord<>(articlesTopic, id, FlatRecords.article(a)));
            }
            producer.flush();
        }
    }

    private void produceAlerts(List<KeywordAlert> alerts) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (KeywordAlert k : alerts) {
                producer.send(new ProducerRecord<>(alertsTopic, k.getAlertId(), FlatRecords.alert(k)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    private static void report(String when, int expectedArticles, int expectedAlerts) throws SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
                ResultSet a = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM news_articles")) {
            a.next();
            long rows = a.getLong(1);
            long distinct = a.getLong(2);
            try (ResultSet k = s.executeQuery("SELECT count(*), count(DISTINCT alert_id) FROM news_alerts")) {
                k.next();
                System.out.printf("PostgresSinkIT %s: news_articles count(*)=%d count(DISTINCT id)=%d (expected %d);"
                        + " news_alerts count(*)=%d count(DISTINCT alert_id)=%d (expected %d)%n", when, rows, distinct,
                        expectedArticles, k.getLong(1), k.getLong(2), expectedAlerts);
            }
        }
    }

    private static Map<String, String> titlesById() throws SQLException {
        Map<String, String> titles = new HashMap<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, title FROM news_articles")) {
            while (rs.next()) {
                titles.put(rs.getString(1), rs.getString(2));
            }
        }
        return titles;
    }

    private static Set<String> alertIds() throws SQLException {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT alert_id FROM news_alerts")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static boolean tableExists(String table) throws SQLException {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    private static Map<String, String> columnTypes(String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Connection c = postgres.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = '" + table + "'")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        return types;
    }

    private static List<String> primaryKey(String table) throws SQLException {
        List<String> columns = new java.util.ArrayList<>();
        try (Connection c = postgres.connect(); ResultSet rs = c.getMetaData().getPrimaryKeys(null, null, table)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection c = postgres.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
