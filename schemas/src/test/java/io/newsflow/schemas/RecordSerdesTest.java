package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.Article;
import io.newsflow.schemas.confluent.ConfluentAvroSerde;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordSerdesTest {

    @Test
    void singleObjectIsTheDefault() {
        assertThat(RecordSerdes.from(Map.of()).serde("t", Article.class)).isInstanceOf(AvroSerde.class);
        assertThat(RecordSerdes.from(Map.of("serde.format", "single-object")).serde("t", Article.class))
                .isInstanceOf(AvroSerde.class);
    }

    @Test
    void confluentFormatUsesTheRegistryUrl() {
        var serde = RecordSerdes.from(Map.of("serde.format", "confluent", "schema.registry.url", "http://127.0.0.1:8081"))
                .serde("news.articles.raw", Article.class);

        assertThat(serde).isInstanceOfSatisfying(ConfluentAvroSerde.class,
                s -> assertThat(s.subject()).isEqualTo("news.articles.raw-value"));
    }

    @Test
    void confluentWithoutRegistryUrlIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> RecordSerdes.from(Map.of("serde.format", "confluent")))
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void unknownFormatIsRefused() {
        assertThatThrownBy(() -> RecordSerdes.from(Map.of("serde.format", "protobuf")))
                .hasMessageContaining("single-object or confluent");
    }
}
