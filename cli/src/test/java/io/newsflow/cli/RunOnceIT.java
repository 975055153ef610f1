package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, end to end in this JVM: {@code run --once} on the embedded broker, then
 * {@code tail} on the same data folder shows what landed.
 */
class RunOnceIT {

    @TempDir
    Path dataDir;

    @Test
    void runOnceTwiceEnrichesEverySampleArticleOnceRaisesAlertsAndSkipsTheNonArticlePage() throws Exception {
        int samplePort = freePort();
        String firstRun = runOnce(samplePort);
        assertThat(firstRun).contains("ARTICLE ").contains("ALERT ")
                .contains("Done: urls=12 {ARTICLE=9, LISTING=2, NOT_ARTICLE=1} articles=9; 9 article(s) enriched");
        // Same data folder, same site: the crawler's seen-set survived, so only the start page is polled again
        // and no article is published twice.
        String secondRun = runOnce(samplePort);
        assertThat(secondRun).contains("Done: urls=1 {LISTING=1} articles=0; 0 article(s) enriched");

        // The broker kept its data: start it again on the same folder and look with tail.
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            List<String> enriched = tail(kafka, "news.articles.enriched");
            List<String> raw = tail(kafka, "news.articles.raw");
            List<String> alerts = tail(kafka, "news.alerts");
            List<String> statuses = tail(kafka, "news.fetch-status");

            assertThat(raw).hasSize(9);
            assertThat(enriched).hasSameSizeAs(raw);
            assertThat(enriched.stream().map(line -> line.substring(0, line.indexOf(",\"url\""))).distinct())
                    .hasSameSizeAs(enriched);
            assertThat(enriched).noneMatch(line -> line.contains("about.html"));
            assertThat(enriched).allMatch(line -> line.contains("\"categories\":") && line.contains("\"sentiment\":"));
            assertThat(alerts).isNotEmpty().anyMatch(line -> line.contains("militant-extradition"));
            assertThat(statuses).anyMatch(line -> line.contains("about.html") && line.contains("NOT_ARTICLE"));
        }
    }

    @Test
    void unknownSettingIsRefusedWithItsNameAndStatus2() {
        StringWriter err = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "run", "--once", "--set", "no.such.key=1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown setting 'no.such.key'");
    }

    String runOnce(int samplePort) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--once",
                "--data-dir", dataDir.toString(), "--set", "broker.port=0", "--set", "sample.site.port=" + samplePort,
                "--set", "web.port=0", "--set", "metrics.port=0");
        assertThat(status).as("exit status; stderr:%n%s", err).isZero();
        return out.toString();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static List<String> tail(EmbeddedKafka kafka, String topic) {
        StringWriter out = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "tail", topic, "--from-beginning", "--exit-when-idle", "3000",
                "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(status).isZero();
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
