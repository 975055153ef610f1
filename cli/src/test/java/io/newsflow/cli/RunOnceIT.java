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
    void runOnceEnrichesEverySampleArticleRaisesAlertsAndSkipsTheNonArticlePage() {
        StringWriter runOut = new StringWriter();
        StringWriter runErr = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(runOut, true), new PrintWriter(runErr, true),
                "run", "--once", "--data-dir", dataDir.toString(), "--set", "broker.port=0");

        assertThat(status).as("exit status; stderr:%n%s", runErr).isZero();
        assertThat(runOut.toString()).contains("ARTICLE ").contains("ALERT ").contains("Done:");

        // The broker kept its data: start it again on the same folder and look with tail.
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            List<String> enriched = tail(kafka, "news.articles.enriched");
            List<String> raw = tail(kafka, "news.articles.raw");
            List<String> alerts = tail(kafka, "news.alerts");
            List<String> statuses = tail(kafka, "news.fetch-status");

            assertThat(raw).hasSizeGreaterThanOrEqualTo(8);
            assertThat(enriched).hasSameSizeAs(raw);
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

    static List<String> tail(EmbeddedKafka kafka, String topic) {
        StringWriter out = new StringWriter();
        int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "tail", topic, "--from-beginning", "--exit-when-idle", "3000",
                "--bootstrap-servers", kafka.bootstrapServers());
        assertThat(status).isZero();
        return Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
