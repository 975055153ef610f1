package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.schema.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Small hand-written rules and articles for the alert tests. Every field is set explicitly: Avro 1.12
 * refuses to build defaults for our nested records unless the schema package is registered as trusted.
 */
final class Fixtures {

    static final Instant PUBLISHED = Instant.parse("2024-05-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2024-05-01T09:30:00Z");

    private Fixtures() {}

    static AlertRule rule(String id, String query) {
        return AlertRule.newBuilder()
                .setId(id)
                .setName("Rule " + id)
                .setQuery(query)
                .setOwner("desk")
                .setSeverity(Severity.HIGH)
                .setEnabled(true)
                .setVersion(1)
                .setCategories(List.of())
                .setLanguages(List.of())
                .setSources(List.of())
                .setMinAbsSentiment(null)
                .build();
    }

    static EnrichedArticle article(String title, String body) {
        return article(title, body, "The Daily", List.of());
    }

    static EnrichedArticle article(String title, String body, String source, List<String> keywords) {
        return article(title, body, source, keywords, List.of());
    }

    static EnrichedArticle article(String title, String body, String source, List<String> keywords,
            List<Entity> entities) {
        Article article = Article.newBuilder()
                .setId("a1")
                .setUrl("https://news.example/story?utm=x")
                .setCanonicalUrl("https://news.example/story")
                .setSourceId("example")
                .setTitle(title)
                .setBody(body)
                .setSource(source)
                .setSourceKeywords(keywords)
                .setAuthors(List.of())
                .setLanguage("en")
                .setFieldSources(Map.of())
                .setPublishedAt(PUBLISHED)
                .setFetchedAt(PUBLISHED)
                .build();
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage("en")
                .setLanguageConfidence(0.9)
                .setCategories(List.of(
                        new Category("medtop:16000000", "conflict, war and peace", 0.8),
                        new Category("medtop:11000000", "politics", 0.4)))
                .setSentiment(Sentiment.newBuilder()
                        .setScore(-0.4)
                        .setLabel(SentimentLabel.NEGATIVE)
                        .setSentences(List.of())
                        .build())
                .setEntities(entities)
                .setStoryId("story-1")
                .setDuplicateOf(null)
                .setEnrichedAt(NOW)
                .build();
    }
}
