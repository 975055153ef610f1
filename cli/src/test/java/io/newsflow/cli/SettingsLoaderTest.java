package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path dir;

    @Test
    void precedenceIsDefaultsThenFileThenEnvironmentThenFlags() throws Exception {
        Path file = dir.resolve("newsflow.properties");
        Files.writeString(file, "topic.prefix=file.\nstreams.num.threads=2\nbroker.port=1\n");

        Map<String, String> s = SettingsLoader.load(file,
                Map.of("NEWSFLOW_STREAMS_NUM_THREADS", "3", "NEWSFLOW_BROKER_PORT", "2"),
                Map.of("broker.port", "4"));

        assertThat(s.get("topic.prefix")).isEqualTo("file.");
        assertThat(s.get("streams.num.threads")).isEqualTo("3");
        assertThat(s.get("broker.port")).isEqualTo("4");
        assertThat(s.get("data.dir")).isEqualTo(".newsflow");
    }

    @Test
    void kafkaKeysPassThroughFromEveryLayer() throws Exception {
        Path file = dir.resolve("newsflow.properties");
        Files.writeString(file, "kafka.sasl.mechanism=SCRAM-SHA-512\n");

        Map<String, String> s = SettingsLoader.load(file, Map.of("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.of("kafka.client.rack", "r1"));

        assertThat(s).containsEntry("kafka.sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("kafka.security.protocol", "SASL_SSL")
                .containsEntry("kafka.client.rack", "r1");
    }

    @Test
    void unknownKeyInAFileIsRefusedNamingKeyAndFile() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "bootstrap.server=x:9092\n");

        assertThatThrownBy(() -> SettingsLoader.load(file, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'bootstrap.server'")
                .hasMessageContaining("bad.properties");
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnored() {
        Map<String, String> s = SettingsLoader.load(null, Map.of("NEWSFLOW_LOG_LEVEL", "DEBUG", "PATH", "/bin"), Map.of());

        assertThat(s).doesNotContainKey("log.level");
    }

    @Test
    void everySettingIsDocumentedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (String key : SettingsLoader.knownKeys()) {
            assertThat(readme).as("README documents %s", key).contains("`" + key + "`");
        }
    }
}
