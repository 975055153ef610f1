package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.Article;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which source each field comes from on small hand-written pages: titles, authors, dates and the paywall
 * flag, each with the {@code fieldSources} entry it must leave.
 */
class ArticleFieldsTest {

    private static final Instant FETCHED = Instant.parse("2025-03-10T12:00:00Z");
    private static final String URL = "https://news.example/politics/tram-vote";

    private final ArticleExtractor extractor = new ArticleExtractor(SiteRules.none());

    /** Six paragraphs of a council story: enough body for an article. Shared with {@link MetadataRulesTest}. */
    static String story() {
        return IntStream.rangeClosed(1, 6).mapToObj(i -> "<p>Paragraph " + i + " of the story explains what the"
                + " council decided on Tuesday about the harbour tram line and who objected to it.</p>")
                .collect(Collectors.joining());
    }

    private static String page(String head, String beforeStory, String afterStory) {
        return "<html lang=\"en\"><head>" + head + "</head><body><article>" + beforeStory + story() + afterStory
                + "</article></body></html>";
    }

    private Article extract(String url, String html) {
        Extraction result = extractor.extract(url, html, "test", FETCHED);
        assertThat(result).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) result).article();
    }

    private Article extract(String html) {
        return extract(URL, html);
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    // --- title ----------------------------------------------------------------------------------

    @Test
    void headlineOnThePageBeatsAnSeoTitleThatSaysTheSame() {
        Article article = extract(page("<title>Tram line vote: council says yes | The Post</title>"
                        + "<meta property=\"og:title\" content=\"Tram line vote: council says yes to harbour route\">",
                "<h1>Council says yes to the harbour tram line</h1>", ""));

        assertThat(article.getTitle()).isEqualTo("Council says yes to the harbour tram line");
        assertThat(article.getFieldSources()).containsEntry("title", "h1");
    }

    @Test
    void declaredTitleLosesItsSiteSuffixWhenNoHeadlineMatches() {
        Article article = extract(page("<title>Council approves tram line | Harbour Post</title>", "", ""));

        assertThat(article.getTitle()).isEqualTo("Council approves tram line");
        assertThat(article.getFieldSources()).containsEntry("title", "title-tag");
    }

    @Test
    void siteLogoInAnH1IsNotTheHeadline() {
        Article article = extract(page("<meta property=\"og:title\" content=\"Council approves the harbour tram line\">",
                "<h1>The Harbour Post</h1>", ""));

        assertThat(article.getTitle()).isEqualTo("Council approves the harbour tram line");
        assertThat(article.getFieldSources()).containsEntry("title", "og");
    }

    // --- authors --------------------------------------------------------------------------------

    @Test
    void twitterWrittenByLabelNamesTheAuthor() {
        Article article = extract(page("<title>Tram vote</title><meta name=\"twitter:label1\" content=\"Written by\">"
                + "<meta name=\"twitter:data1\" content=\"Ann Lee\">", "", ""));

        assertThat(article.getAuthors()).containsExactly("Ann Lee");
        assertThat(article.getFieldSources()).containsEntry("authors", "twitter");
    }

    @Test
    void declaredUserNameIsKeptAsWritten() {
        Article article = extract(page("<title>Tram vote</title><meta name=\"author\" content=\"site_admin\">", "", ""));

        assertThat(article.getAuthors()).containsExactly("site_admin");
    }

    @Test
    void writtenByLabelWithTheNameInTheNextElement() {
        Article article = extract(page("<title>Tram vote</title>",
                "<div class=\"meta-box\"><p>Written by</p><p>Jane Roe</p></div>", ""));

        assertThat(article.getAuthors()).containsExactly("Jane Roe");
        assertThat(article.getFieldSources()).containsEntry("authors", "byline");
        assertThat(article.getBody()).doesNotContain("Written by", "Jane Roe");
    }

    @Test
    void bylineStopsAtTheDate() {
        Article article = extract(page("<title>Tram vote</title>",
                "<div class=\"author\">By: Jane Roe on 04-08-2021 5:11</div>", ""));

        assertThat(article.getAuthors()).containsExactly("Jane Roe");
    }

    @Test
    void authorBoxAtTheFootIsNotASecondAuthor() {
        Article article = extract(page("<title>Tram vote</title>", "<span class=\"author\">Jane Roe</span>",
                "<div class=\"author-box\"><p>Max Mustermann</p></div>"));

        assertThat(article.getAuthors()).containsExactly("Jane Roe");
    }

    // --- dates ----------------------------------------------------------------------------------

    @Test
    void dateShownOnThePageBeatsAnOlderJsonLdDate() {
        Article article = extract(page("<title>Tram vote</title>" + jsonLd(
                "{\"@type\":\"NewsArticle\",\"headline\":\"Tram vote\",\"datePublished\":\"2021-05-01T09:00:00Z\"}"),
                "<p class=\"date\">Updated March 9, 2025</p>", ""));

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "date-text");
    }

    @Test
    void jsonLdGivesTheTimeWhenItAgreesOnTheDay() {
        Article article = extract(page("<title>Tram vote</title>" + jsonLd(
                "{\"@type\":\"NewsArticle\",\"headline\":\"Tram vote\",\"datePublished\":\"2025-03-09T09:30:00+01:00\"}"),
                "<p>March 9, 2025</p>", ""));

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T08:30:00Z"));
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "json-ld");
    }

    @Test
    void dublinCoreDateIsRead() {
        Article article = extract(page("<title>Tram vote</title><meta name=\"DC.date.issued\" content=\"2025-03-09\">",
                "", ""));

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "dublin-core");
    }

    @Test
    void dateInTheUrlIsTheLastResort() {
        Article article = extract("https://news.example/2025/03/09/tram-vote/", page("<title>Tram vote</title>", "", ""));

        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "url");
    }

    // --- paywall --------------------------------------------------------------------------------

    @Test
    void jsonLdNotFreeMarksThePaywall() {
        Article article = extract(page("<title>Tram vote</title>" + jsonLd(
                "{\"@type\":\"NewsArticle\",\"headline\":\"Tram vote\",\"isAccessibleForFree\":\"False\"}"), "", ""));

        assertThat(article.getPaywalled()).isTrue();
        assertThat(article.getFieldSources()).containsEntry("paywalled", "json-ld");
    }

    @Test
    void jsonLdPartThatIsNotFreeMarksThePaywall() {
        Article article = extract(page("<title>Tram vote</title>" + jsonLd("{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Tram vote\",\"isAccessibleForFree\":true,\"hasPart\":{\"@type\":\"WebPageElement\","
                + "\"isAccessibleForFree\":false,\"cssSelector\":\".paywalled\"}}"), "", ""));

        assertThat(article.getPaywalled()).isTrue();
        assertThat(article.getFieldSources()).containsEntry("paywalled", "json-ld");
    }

    @Test
    void truncationMarkerAtTheEndMarksThePaywallAndLeavesTheBody() {
        Article article = extract(page("<title>Tram vote</title>", "",
                "<p>Subscribe to continue reading this article and get unlimited access.</p>"));

        assertThat(article.getPaywalled()).isTrue();
        assertThat(article.getFieldSources()).containsEntry("paywalled", "truncation-marker");
        assertThat(article.getBody()).doesNotContain("Subscribe").endsWith("who objected to it.");
    }

    @Test
    void freeArticleIsNotPaywalled() {
        Article article = extract(page("<title>Tram vote</title>" + jsonLd(
                "{\"@type\":\"NewsArticle\",\"headline\":\"Tram vote\",\"isAccessibleForFree\":true}"), "", ""));

        assertThat(article.getPaywalled()).isFalse();
        assertThat(article.getFieldSources()).doesNotContainKey("paywalled");
    }

    @Test
    void storyThatQuotesAMarkerEarlyIsNotPaywalled() {
        Article article = extract(page("<title>Tram vote</title>",
                "<p>The mayor joked that residents must subscribe to continue reading the plans.</p>", ""));

        assertThat(article.getPaywalled()).isFalse();
    }
}
