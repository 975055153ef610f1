package io.newsflow.streams.alert;

import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * The searchable text of one article, field by field, and the Lucene document built from it.
 *
 * <p>Highlight offsets index into {@link #text(String)}. For keywords and entities that text is the
 * values joined by one space: Lucene numbers a multi-valued field's offsets as if its values were
 * joined with an offset gap of one character, so the offsets line up. Values without a letter or
 * digit are dropped, because a value that yields no token would shift the offsets of the values
 * after it.
 */
record ArticleText(String title, String body, String source, List<String> keywords, List<String> entities) {

    static ArticleText of(EnrichedArticle enriched) {
        Article article = enriched.getArticle();
        List<String> entities = enriched.getEntities() == null ? List.of()
                : searchable(enriched.getEntities().stream().filter(Objects::nonNull).map(Entity::getText));
        List<String> keywords = article.getSourceKeywords() == null ? List.of()
                : searchable(article.getSourceKeywords().stream());
        return new ArticleText(nullToEmpty(article.getTitle()), nullToEmpty(article.getBody()),
                nullToEmpty(article.getSource()), keywords, entities);
    }

    private static List<String> searchable(Stream<String> values) {
        return values.filter(v -> v != null && v.codePoints().anyMatch(Character::isLetterOrDigit))
                .map(String::strip)
                .toList();
    }

    /** The text a field was indexed from, so hit offsets can be turned back into words. */
    String text(String field) {
        return switch (field) {
            case QueryLanguage.TITLE -> title;
            case QueryLanguage.BODY -> body;
            case QueryLanguage.SOURCE -> source;
            case QueryLanguage.KEYWORDS -> String.join(" ", keywords);
            case QueryLanguage.ENTITIES -> String.join(" ", entities);
            default -> "";
        };
    }

    Document toDocument() {
        Document doc = new Document();
        addIfPresent(doc, QueryLanguage.TITLE, title);
        addIfPresent(doc, QueryLanguage.BODY, body);
        addIfPresent(doc, QueryLanguage.SOURCE, source);
        for (String keyword : keywords) {
            doc.add(new TextField(QueryLanguage.KEYWORDS, keyword, Field.Store.NO));
        }
        for (String entity : entities) {
            doc.add(new TextField(QueryLanguage.ENTITIES, entity, Field.Store.NO));
        }
        return doc;
    }

    private static void addIfPresent(Document doc, String field, String text) {
        if (!text.isEmpty()) {
            doc.add(new TextField(field, text, Field.Store.NO));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
