package io.newsflow.streams.alert;

import io.newsflow.schema.Article;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * The searchable text of one article, field by field, and the Lucene document built from it.
 *
 * <p>Highlight offsets index into {@link #text(String)}. For keywords that text is the keywords joined
 * by one space: Lucene numbers a multi-valued field's offsets as if its values were joined with an
 * offset gap of one character, so the offsets line up. Keywords without a letter or digit are
 * dropped, because a value that yields no token would shift the offsets of the values after it.
 */
record ArticleText(String title, String body, String source, List<String> keywords) {

    static ArticleText of(Article article) {
        List<String> keywords = article.getSourceKeywords() == null ? List.of()
                : article.getSourceKeywords().stream()
                        .filter(k -> k != null && k.codePoints().anyMatch(Character::isLetterOrDigit))
                        .map(String::strip)
                        .toList();
        return new ArticleText(nullToEmpty(article.getTitle()), nullToEmpty(article.getBody()),
                nullToEmpty(article.getSource()), keywords);
    }

    /** The text a field was indexed from, so hit offsets can be turned back into words. */
    String text(String field) {
        return switch (field) {
            case QueryLanguage.TITLE -> title;
            case QueryLanguage.BODY -> body;
            case QueryLanguage.SOURCE -> source;
            case QueryLanguage.KEYWORDS -> String.join(" ", keywords);
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
