package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.extract.JsonLdReader.JsonLdArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLdReaderTest {

    private static JsonLdArticle read(String... jsonBlocks) {
        return JsonLdReader.read(List.of(jsonBlocks));
    }

    @Test
    void findsArticleInGraphAndFollowsIdReferences() {
        JsonLdArticle article = read("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "@id": "#page"},
                  {"@type": "Person", "@id": "#ann", "name": "Ann Lee"},
                  {"@type": "Organization", "@id": "#org", "name": "The Post"},
                  {"@type": "ReportageNewsArticle", "headline": "Graph headline",
                   "author": {"@id": "#ann"}, "publisher": {"@id": "#org"}, "datePublished": "2025-03-09"}
                ]}""");

        assertThat(article.headline()).isEqualTo("Graph headline");
        assertThat(article.authors()).containsExactly("Ann Lee");
        assertThat(article.publisher()).isEqualTo("The Post");
        assertThat(article.datePublished()).isEqualTo("2025-03-09");
    }

    @Test
    void readsStringAuthorAndCommaSeparatedKeywordsFromTopLevelArray() {
        JsonLdArticle article = read("""
                [{"@type": "BreadcrumbList"},
                 {"@type": "BlogPosting", "headline": "Post", "author": "Bo Park",
                  "keywords": "one, two ,three", "inLanguage": "en-US"}]""");

        assertThat(article.authors()).containsExactly("Bo Park");
        assertThat(article.keywords()).containsExactly("one", "two", "three");
        assertThat(article.inLanguage()).isEqualTo("en-US");
    }

    @Test
    void acceptsTypeArraysAndSchemaUrls() {
        JsonLdArticle article = read("""
                {"@type": ["Thing", "http://schema.org/NewsArticle"], "headline": "Typed"}""");

        assertThat(article.headline()).isEqualTo("Typed");
    }

    @Test
    void skipsBrokenBlocksAndUsesTheNextOne() {
        JsonLdArticle article = read("{ this is not json", """
                {"@type": "Article", "headline": "Second block",}""");

        assertThat(article.headline()).isEqualTo("Second block");
    }

    @Test
    void returnsNullWithoutAnArticleNode() {
        assertThat(read("""
                {"@type": "Organization", "name": "The Post"}""")).isNull();
    }
}
