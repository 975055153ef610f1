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
    private static final List<TopicTermIndex.Topic> POLITICS = List.of(new TopicTermIndex.Topic("medtop:11000000", "politics"));

    @Test
    void bundledLevelOneListsGiveEveryTopicManyTerms() {
        List<TopicTermIndex.Topic> topics = CategoryTaxonomy.bundled().level1().stream()
                .map(t -> new TopicTermIndex.Topic(t.code(), t.label())).toList();
        TopicTermIndex index = TopicTermIndex.loadResource(topics, "category-terms.txt", ANALYZER);
        assertThat(index.topics()).hasSize(17);
        assertThat(IntStream.of(index.termCounts()).min().orElseThrow()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void termsAreNormalisedLikeText() {
        TopicTermIndex index = TopicTermIndex.load(POLITICS, List.of("[medtop:11000000]", "3: Elections, Central Banks"),
                "test", ANALYZER);
        assertThat(index.weightsOf("election")).containsExactly(3.0);
        assertThat(index.weightsOf("central bank")).containsExactly(3.0);
    }

    @Test
    void termUnderUnknownTopicIsRejectedNamingTheFile() {
        assertThatThrownBy(() -> TopicTermIndex.load(POLITICS, List.of("[medtop:99000000]", "1: x"), "terms.txt", ANALYZER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("terms.txt")
                .hasMessageContaining("unknown topic");
    }

    @Test
    void termOfMoreThanThreeWordsIsRejected() {
        assertThatThrownBy(() -> TopicTermIndex.load(POLITICS, List.of("[medtop:11000000]", "1: one two three four"),
                "terms.txt", ANALYZER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one two three four");
    }
}
