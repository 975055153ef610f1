package io.newsflow.producer.extract;

import io.newsflow.schema.Article;
import java.util.Objects;

/**
 * Outcome of {@link ArticleExtractor#extract}: either an {@link Article} or the reason the page is
 * not one. A rejection is a normal result, not an error, so callers can record it as fetch status.
 */
public sealed interface Extraction permits Extraction.Extracted, Extraction.NotArticle {

    /** The page is an article; {@code article} is complete and ready to publish. */
    record Extracted(Article article) implements Extraction {
        public Extracted {
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * The page is not an article (listing, about page, too little text...).
     *
     * @param reason short human-readable explanation, e.g. "no article body: 42 words of main text (minimum 80)"
     */
    record NotArticle(String reason) implements Extraction {
        public NotArticle {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
