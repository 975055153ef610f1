package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.streams.enrich.internal.NewsTermAnalyzer;
import io.newsflow.streams.enrich.internal.TopicTermIndex;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopicTermIndexTest {

    private static final NewsTermAnalyzer ANALYZER = new NewsTermAnalyzer();

    @Test
    void bundledIndexHasSeventeenTopicsEachWithTerms() {
        TopicTermIndex index = TopicTermIndex.loadDefault(ANALYZER);
        assertThat(index.topics()).hasSize(17);
        assertThat(index.topics()).extracting(TopicTermIndex.Topic::code).allMatch(c -> c.matches("medtop:\\d{8}"));
        assertThat(IntStream.of(index.termCounts()).min().orElseThrow()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void termsAreNormalisedLikeText() {
        TopicTermIndex index = TopicTermIndex.load(List.of("medtop:11000000\tpolitics"),
                List.of("[medtop:11000000]", "3: Elections, Central Banks"), ANALYZER);
        assertThat(index.weightsOf("election")).containsExactly(3.0);
        assertThat(index.weightsOf("central bank")).containsExactly(3.0);
    }

    @Test
    void termUnderUnknownTopicIsRejected() {
        assertThatThrownBy(() -> TopicTermIndex.load(List.of("medtop:11000000\tpolitics"),
                List.of("[medtop:99000000]", "1: x"), ANALYZER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown topic");
    }
}
