package io.newsflow.schemas.confluent;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import io.newsflow.schema.SentenceSentiment;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.schema.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample records for the wire-format and serde tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Article article() {
        return Article.newBuilder()
                .setId("0123456789abcdef0123456789abcdef")
                .setUrl("http://127.0.0.1/a.html")
                .setCanonicalUrl("http://127.0.0.1/a.html")
                .setSourceId("sample")
                .setTitle("Harbour bridge reopens")
                .setAuthors(List.of("Ana Ruiz"))
                .setPublishedAt(Instant.parse("2025-03-09T00:00:00Z"))
                .setBody("The bridge reopened on Monday.")
                .setSource("The Harbour Courier")
                .setSourceKeywords(List.of("bridges", "transport"))
                .setLanguage("en")
                .setFetchedAt(Instant.parse("2025-03-10T08:00:00Z"))
                .setFieldSources(Map.of("title", "og"))
                .build();
    }

    static EnrichedArticle enriched() {
        return EnrichedArticle.newBuilder()
                .setArticle(article())
                .setLanguage("en")
                .setLanguageConfidence(0.9)
                .setCategories(List.of(new Category("medtop:11000000", "politics", 1.0)))
                .setSentiment(Sentiment.newBuilder().setScore(0.2).setLabel(SentimentLabel.POSITIVE)
                        .setSentences(List.of(new SentenceSentiment(0, "The bridge reopened.", 0.2))).build())
                .setEntities(List.of(new Entity("Harbour Bridge", EntityType.PLACE, 2, 0)))
                .setStoryId("0123456789abcdef0123456789abcdef")
                .setEnrichedAt(Instant.parse("2025-03-10T08:00:01Z"))
                .build();
    }

    static AlertRule rule() {
        return AlertRule.newBuilder().setId("bridges").setName("Bridges").setQuery("bridge*")
                .setSeverity(Severity.HIGH).setCategories(List.of("medtop:11000000")).build();
    }
}
