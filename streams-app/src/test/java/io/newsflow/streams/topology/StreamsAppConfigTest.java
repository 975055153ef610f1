package io.newsflow.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsAppConfigTest {

    private static Properties properties(Map<String, String> settings) {
        return StreamsAppConfig.from(settings).toStreamsProperties();
    }

    @Test
    void producersBatchUpTo256KiBUnlessTheUserSetsABatchSize() {
        Map<String, String> base = Map.of("bootstrap.servers", "127.0.0.1:9092");
        assertThat(properties(base)).containsEntry("producer.batch.size", "262144").containsEntry("processing.guarantee",
                "exactly_once_v2");

        Properties own = properties(Map.of("bootstrap.servers", "127.0.0.1:9092", "kafka.batch.size", "65536"));
        assertThat(own).containsEntry("batch.size", "65536").doesNotContainKey("producer.batch.size");

        Properties prefixed = properties(Map.of("bootstrap.servers", "127.0.0.1:9092", "kafka.producer.batch.size", "32768"));
        assertThat(prefixed).containsEntry("producer.batch.size", "32768");
    }

    @Test
    void missingBootstrapServersIsNamed() {
        assertThatThrownBy(() -> StreamsAppConfig.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
    }
}
