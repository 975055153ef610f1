package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRulesTest {

    private static final Instant FETCHED = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;

    /** A page whose story is in an unusual place: the generic extractor takes the longer "promo" column. */
    private static String awkwardPage() {
        String story = IntStream.rangeClosed(1, 7).mapToObj(i -> "<p>Story paragraph " + i
                + " tells what the council decided about the tram line on Tuesday evening.</p>")
                .collect(Collectors.joining());
        String promo = IntStream.rangeClosed(1, 12).mapToObj(i -> "<p>Promotional paragraph " + i
                + " invites readers to a property fair with plenty of words to look like a story.</p>")
                .collect(Collectors.joining());
        return "<html><head><title>Generic title | Post</title></head><body>"
                + "<div class=\"x1\"><span class=\"hl\">The real headline</span><span class=\"who\">Ann Lee</span>"
                + "<span class=\"when\" data-x=\"1\">9 March 2025</span>" + story
                + "<p class=\"inline-promo\">Buy a ticket to our gala now, it is a great night out.</p></div>"
                + "<div class=\"x2\">" + promo + "</div></body></html>";
    }

    private Path rules(String yaml) throws IOException {
        Path file = dir.resolve("site-rules.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Article extract(SiteRules rules, String url) {
        Extraction result = new ArticleExtractor(rules).extract(url, awkwardPage(), "test", FETCHED);
        assertThat(result).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) result).article();
    }

    @Test
    void ruleSelectorsGiveBodyTitleAuthorDateAndDrops() throws IOException {
        SiteRules rules = SiteRules.load(rules("""
                sites:
                  - hosts: [news.example]
                    body: 'div.x1'
                    title: '.hl'
                    author: '.who'
                    date: '.when'
                    drop: ['.inline-promo']
                """));

        Article article = extract(rules, "https://www.news.example/tram");

        assertThat(article.getTitle()).isEqualTo("The real headline");
        assertThat(article.getAuthors()).containsExactly("Ann Lee");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
        assertThat(article.getBody()).startsWith("Story paragraph 1").endsWith("Tuesday evening.")
                .doesNotContain("Promotional", "gala");
        assertThat(article.getFieldSources()).containsEntry("title", "site-rule").containsEntry("authors", "site-rule")
                .containsEntry("publishedAt", "site-rule").containsEntry("body", "site-rule");
    }

    @Test
    void otherHostsUseTheGenericExtractor() throws IOException {
        SiteRules rules = SiteRules.load(rules("""
                sites:
                  - hosts: news.example
                    body: 'div.x1'
                """));

        Article article = extract(rules, "https://elsewhere.example/tram");

        assertThat(article.getBody()).contains("Promotional");
        assertThat(article.getFieldSources()).containsEntry("body", "main-text");
    }

    @Test
    void selectorThatMatchesNothingFallsBackToTheGenericExtractor() throws IOException {
        SiteRules rules = SiteRules.load(rules("""
                sites:
                  - hosts: [news.example]
                    body: 'div.no-such-thing'
                    title: 'h1.missing'
                """));

        Article article = extract(rules, "https://news.example/tram");

        assertThat(article.getTitle()).isEqualTo("Generic title");
        assertThat(article.getFieldSources()).containsEntry("body", "main-text");
    }

    @Test
    void badSelectorFailsAtLoadNamingFileAndRule() throws IOException {
        Path file = rules("""
                sites:
                  - hosts: [ok.example]
                  - hosts: [news.example]
                    body: 'div[unclosed'
                """);

        assertThatThrownBy(() -> SiteRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("rule 2").hasMessageContaining("div[unclosed");
    }

    @Test
    void ruleWithoutHostsIsRefused() throws IOException {
        Path file = rules("""
                sites:
                  - body: 'article'
                """);

        assertThatThrownBy(() -> SiteRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hosts");
    }

    @Test
    void unknownFieldIsRefused() throws IOException {
        Path file = rules("""
                sites:
                  - hosts: [news.example]
                    bdoy: 'article'
                """);

        assertThatThrownBy(() -> SiteRules.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> SiteRules.load(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void bundledRulesLoadAndDefaultConstructorUsesThem() {
        assertThat(SiteRules.bundled().size()).isGreaterThanOrEqualTo(0);
        assertThat(SiteRules.load(null).size()).isEqualTo(SiteRules.bundled().size());
        assertThat(new ArticleExtractor().extract("https://news.example/tram", awkwardPage(), "test", FETCHED))
                .isInstanceOf(Extraction.Extracted.class);
    }

    @Test
    void hostMatchIncludesSubdomainsButNotLookalikes() throws IOException {
        SiteRules rules = SiteRules.load(rules("""
                sites:
                  - hosts: [news.example]
                    body: 'div.x1'
                """));

        assertThat(rules.forUrl("https://news.example/a")).isNotNull();
        assertThat(rules.forUrl("https://m.news.example/a")).isNotNull();
        assertThat(rules.forUrl("https://badnews.example/a")).isNull();
        assertThat(rules.forUrl("not a url")).isNull();
    }
}
