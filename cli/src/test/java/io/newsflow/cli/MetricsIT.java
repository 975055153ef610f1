package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.crawl.CrawlReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the pipeline runs, {@code GET /metrics} shows the crawler's, the topology's and Kafka's meters. */
class MetricsIT {

    @TempDir
    Path dir;

    @Test
    void metricsEndpointShowsFetchOutcomesEnrichmentLatencyAlertsAndKafkaMetrics() throws Exception {
        String prefix = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Map<String, String> settings = SettingsLoader.load(null, Map.of(), Map.of(
                "bootstrap.servers", EmbeddedKafka.shared().bootstrapServers(), "topic.prefix", prefix,
                "streams.application.id", prefix + "app", "data.dir", dir.toString(), "sample.site.port", "0",
                "web.enabled", "false", "metrics.port", "0"));
        StringWriter out = new StringWriter();
        try (Pipeline pipeline = Pipeline.start(settings, new PrintWriter(out, true))) {
            CrawlReport report = pipeline.crawl();
            assertThat(pipeline.watcher().awaitEnriched(report.articleIds(), Duration.ofSeconds(120))).isTrue();
            Matcher m = Pattern.compile("Metrics at (\\S+)").matcher(out.toString());
            assertThat(m.find()).as(out.toString()).isTrue();

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).contains("newsflow_fetch_outcomes_total{application=\"newsflow\",outcome=\"ARTICLE\"} 9.0")
                    .contains("newsflow_enrich_duration_seconds_count")
                    .contains("newsflow_alerts_total{application=\"newsflow\",rule=\"militant-extradition\"}")
                    .contains("kafka_producer_record_send_total")
                    .contains("kafka_consumer_fetch_manager_records_consumed_total")
                    .contains("jvm_memory_used_bytes")
                    .contains("newsflow_dead_letters_total{application=\"newsflow\",stage=\"deserialize\"}");
        }
    }
}
