package io.newsflow.streams.flat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.KeywordAlert;
import java.util.List;

/**
 * The flat projections written to {@code news.articles.flat} and {@code news.alerts.flat}: one
 * {@code JsonConverter} envelope ({@code schemas.enable=true}) per record, with primitive columns only,
 * so that Kafka Connect sinks (JDBC above all) can load our records without a custom converter.
 *
 * <p>Contract, relied on by the shipped connector configs in {@code connectors/}:
 * <ul>
 *   <li>column names are snake_case and stable; a new column may be added (sinks with
 *       {@code schema.evolution=basic} add it), none is renamed or retyped;</li>
 *   <li>the record key is the plain string {@code id} (articles) or {@code alert_id} (alerts), which the
 *       JDBC sink's upsert uses as the primary key; the same columns are also in the payload;</li>
 *   <li>times are Connect {@code Timestamp}s (int64 epoch millis on the wire, TIMESTAMP columns in SQL);</li>
 *   <li>lists and nested records (authors, categories, entities, matched terms) are JSON text, e.g.
 *       {@code categories = [{"code":"medtop:16000000","label":"conflict, war and peace","score":1.0}]}.</li>
 * </ul>
 * The output is deterministic: the same record always gives the same text. Thread-safe.
 */
public final class FlatRecords {

    /** Struct name of the article rows, as declared in the envelope's schema. */
    public static final String ARTICLE_STRUCT = "io.newsflow.flat.Article";
    /** Struct name of the alert rows, as declared in the envelope's schema. */
    public static final String ALERT_STRUCT = "io.newsflow.flat.Alert";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlatRecords() {}

    /** The {@code news.articles.flat} value for an enriched article; its key is {@code a.getArticle().getId()}. */
    public static String article(EnrichedArticle a) {
        Article art = a.getArticle();
        List<Category> categories = a.getCategories();
        Category primary = categories.isEmpty() ? null : categories.get(0);
        ConnectEnvelope row = new ConnectEnvelope(ARTICLE_STRUCT)
                .string("id", art.getId())
                .string("url", art.getUrl())
                .string("canonical_url", art.getCanonicalUrl())
                .string("source_id", art.getSourceId())
                .string("title", art.getTitle())
                .json("authors", strings(art.getAuthors()), MAPPER)
                .optionalTimestamp("published_at", art.getPublishedAt())
                .string("body", art.getBody())
                .optionalString("source", art.getSource())
                .json("source_keywords", strings(art.getSourceKeywords()), MAPPER)
                .optionalString("declared_language", art.getLanguage())
                .string("language", a.getLanguage())
                .float64("language_confidence", a.getLanguageConfidence())
                .optionalString("primary_category_code", primary == null ? null : primary.getCode())
                .optionalString("primary_category_label", primary == null ? null : primary.getLabel())
                .json("categories", categories(categories), MAPPER)
                .float64("sentiment_score", a.getSentiment().getScore())
                .string("sentiment_label", a.getSentiment().getLabel().name())
                .json("entities", entities(a.getEntities()), MAPPER)
                .optionalString("story_id", a.getStoryId())
                .optionalString("duplicate_of", a.getDuplicateOf())
                .timestamp("fetched_at", art.getFetchedAt())
                .timestamp("enriched_at", a.getEnrichedAt());
        return write(row);
    }

    /** The {@code news.alerts.flat} value for an alert; its key is {@code k.getAlertId()}. */
    public static String alert(KeywordAlert k) {
        ConnectEnvelope row = new ConnectEnvelope(ALERT_STRUCT)
                .string("alert_id", k.getAlertId())
                .string("rule_id", k.getRuleId())
                .string("rule_name", k.getRuleName())
                .int32("rule_version", k.getRuleVersion())
                .string("severity", k.getSeverity().name())
                .optionalString("owner", k.getOwner())
                .string("article_id", k.getArticleId())
                .string("url", k.getUrl())
                .string("title", k.getTitle())
                .optionalString("source", k.getSource())
                .optionalTimestamp("published_at", k.getPublishedAt())
                .json("matched_terms", strings(k.getMatchedTerms()), MAPPER)
                .string("snippet", k.getSnippet())
                .json("categories", strings(k.getCategories()), MAPPER)
                .float64("sentiment_score", k.getSentimentScore())
                .optionalString("story_id", k.getStoryId())
                .string("kind", k.getKind().name())
                .int32("occurrences", k.getOccurrences())
                .timestamp("detected_at", k.getDetectedAt());
        return write(row);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }

    private static ArrayNode categories(List<Category> categories) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Category c : categories) {
            array.addObject().put("code", c.getCode()).put("label", c.getLabel()).put("score", c.getScore());
        }
        return array;
    }

    private static ArrayNode entities(List<Entity> entities) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Entity e : entities) {
            array.addObject()
                    .put("text", e.getText())
                    .put("type", e.getType().name())
                    .put("count", e.getCount())
                    .put("first_offset", e.getFirstOffset());
        }
        return array;
    }

    private static String write(ConnectEnvelope row) {
        try {
            return MAPPER.writeValueAsString(row.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Connect JSON envelope", e);
        }
    }
}
