package io.newsflow.streams.alert;

import io.newsflow.schema.AlertKind;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import java.time.Instant;
import java.util.List;

/**
 * Builds the {@link KeywordAlert} for one rule matching one article. Every field is set explicitly,
 * {@code kind} and {@code occurrences} included: the topology's story grouping rewrites those two, and
 * leaving them to the builder's defaults would need Avro's trusted-class registration.
 */
final class AlertFactory {

    private AlertFactory() {}

    /** What an alert says about where the article matched: the same for every rule of one query. */
    record Description(List<String> matchedTerms, String snippet) {}

    /**
     * @param snippets the article's snippet makers, shared by every alert of one match call so that
     *     the article is split into sentences once
     */
    static Description describe(ArticleText text, Snippets.ForArticle snippets, TermHits hits) {
        return new Description(hits.matchedTerms(), snippet(text, snippets, hits));
    }

    static KeywordAlert create(AlertRule rule, EnrichedArticle enriched, ArticleText text,
            Description description, Instant now) {
        Article article = enriched.getArticle();
        List<String> categories = enriched.getCategories() == null ? List.of()
                : enriched.getCategories().stream().map(Category::getCode).toList();
        double sentiment = enriched.getSentiment() == null ? 0.0 : enriched.getSentiment().getScore();
        return KeywordAlert.newBuilder()
                .setAlertId(rule.getId() + ":" + article.getId())
                .setRuleId(rule.getId())
                .setRuleName(rule.getName())
                .setRuleVersion(rule.getVersion())
                .setSeverity(rule.getSeverity())
                .setArticleId(article.getId())
                .setUrl(article.getCanonicalUrl())
                .setTitle(text.title())
                .setSource(article.getSource())
                .setPublishedAt(article.getPublishedAt())
                .setMatchedTerms(description.matchedTerms())
                .setSnippet(description.snippet())
                .setCategories(categories)
                .setSentimentScore(sentiment)
                .setDetectedAt(now)
                .setOwner(rule.getOwner())
                .setStoryId(enriched.getStoryId())
                .setKind(AlertKind.NEW)
                .setOccurrences(1)
                .build();
    }

    /**
     * The body passage with the most matches; the title when only the title matched; the body's
     * lead when only source or keywords matched (the title is on the alert already).
     */
    private static String snippet(ArticleText text, Snippets.ForArticle snippets, TermHits hits) {
        List<TermHits.Range> inBody = hits.in(QueryLanguage.BODY);
        List<TermHits.Range> inTitle = hits.in(QueryLanguage.TITLE);
        if (!inBody.isEmpty()) {
            return snippets.body().best(inBody);
        } else if (!inTitle.isEmpty()) {
            return snippets.title().best(inTitle);
        } else if (!text.body().isBlank()) {
            return snippets.body().best(List.of());
        }
        return snippets.title().best(List.of());
    }
}
