package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.EmbeddedKafka.ScramUser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka client security passes through: the whole pipeline runs against a broker that requires
 * SASL/SCRAM, with the credentials in a config file; a client without them is refused; the password
 * appears in no output.
 */
class ScramPipelineIT {

    static final ScramUser USER = new ScramUser("newsflow", "s3cret-Pa55word");

    @TempDir
    Path dir;

    @Test
    void pipelineRunsWithScramCredentialsFromAFileAndAClientWithoutThemIsRefused() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.startWithScram(dir.resolve("broker"), 0, USER)) {
            Path config = dir.resolve("secure.properties");
            Files.writeString(config, "kafka.security.protocol=SASL_PLAINTEXT\n"
                    + "kafka.sasl.mechanism=SCRAM-SHA-256\n"
                    + "kafka.sasl.jaas.config=" + USER.jaasConfig().replace("\\", "\\\\") + "\n");

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Newsflow.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run", "--once",
                    "--config", config.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--data-dir", dir.resolve("data").toString(), "--set", "sample.site.port=0", "--set", "web.port=0", "--set", "metrics.port=0");

            assertThat(status).as("stderr:%n%s", err).isZero();
            assertThat(out.toString()).contains("ARTICLE ").contains("Done:");
            assertThat(out.toString() + err).doesNotContain(USER.password());

            StringWriter tailErr = new StringWriter();
            int refused = Newsflow.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(tailErr, true),
                    "tail", "news.articles.enriched", "--from-beginning", "--max", "1",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--set", "kafka.default.api.timeout.ms=5000",
                    "--set", "kafka.request.timeout.ms=4000");
            assertThat(refused).isNotZero();

            StringWriter tailOut = new StringWriter();
            int allowed = Newsflow.execute(new PrintWriter(tailOut, true), new PrintWriter(new StringWriter(), true),
                    "tail", "news.articles.enriched", "--from-beginning", "--max", "1",
                    "--config", config.toString(), "--bootstrap-servers", kafka.bootstrapServers());
            assertThat(allowed).isZero();
            assertThat(tailOut.toString()).contains("\"article\":");
        }
    }
}
