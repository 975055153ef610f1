package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleExtractorTest {

    private static final String BASE = "http://127.0.0.1:8080/";
    private static final Instant FETCHED = Instant.parse("2025-03-10T12:00:00Z");
    private static final String COURIER = "The Harbour Courier";

    private final ArticleExtractor extractor = new ArticleExtractor();

    /** What each bundled article page says, as written in the page. */
    record Expected(String path, String title, List<String> authors, String publishedAt, String source,
                    List<String> keywords, String firstParagraphStart, String lastParagraphEnd) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Expected> samplePages() {
        return Stream.of(
                new Expected("articles/coalition-wins-snap-election.html",
                        "Reform coalition wins snap election as turnout hits 20-year high",
                        List.of("Amara Okafor", "Tomasz Lindqvist"), "2025-03-02T22:40:00Z", COURIER,
                        List.of("Elections", "National Assembly", "Ilse Marwick", "Housing", "Turnout"),
                        "The Reform and Renewal coalition won a clear majority",
                        "dedicated to housing for the first time since the 1990s."),
                new Expected("articles/central-bank-holds-rates.html",
                        "Central bank holds rates at 4.25% as markets bet on summer cut",
                        List.of("Kofi Brennan"), "2025-03-06T14:05:00Z", COURIER,
                        List.of("Interest rates", "Bank of the Vell Coast", "Inflation", "Markets", "KB40"),
                        "The Bank of the Vell Coast left its main policy rate unchanged",
                        "Minutes of Thursday's meeting will be released in two weeks."),
                new Expected("articles/harbour-united-win-cup-final.html",
                        "Harbour United snatch cup final in stoppage time",
                        List.of("Dev Castellano"), "2025-03-09T00:00:00Z", COURIER,
                        List.of("Football", "National Cup", "Harbour United", "Northgate Rovers", "Corinne Walsh"),
                        "Harbour United won the National Cup for the first time in 31 years",
                        "open-top bus parade from the stadium to the old harbour."),
                new Expected("articles/greywater-chip-plant-breaks-ground.html",
                        "Greywater chip plant breaks ground, promising 1,800 jobs",
                        List.of("Nadia Ferreira", "Owen Takahashi"), "2025-03-05T07:15:00Z", COURIER,
                        List.of("Semiconductors", "Manufacturing", "Greywater", "Jobs", "Technology"),
                        "Construction began on Wednesday at a $3.8 billion semiconductor plant",
                        "If my son can get a job here, that will mean something.”"),
                new Expected("articles/st-brendas-opens-vaccine-clinic.html",
                        "St Brenda's Hospital opens walk-in vaccine clinic as measles cases rise",
                        List.of("Ines Carvalho"), "2025-03-03T00:00:00Z", COURIER,
                        List.of("Measles", "Vaccination", "St Brenda's Hospital", "Public health"),
                        "St Brenda's Hospital in Kestrel Bay opened a walk-in vaccination clinic",
                        "add mobile clinics in the northern suburbs from next week."),
                new Expected("articles/storm-isolde-floods-lower-town.html",
                        "Storm Isolde floods lower town, leaving two dead and hundreds homeless",
                        List.of("Priya Raman"), "2025-03-07T00:00:00Z", COURIER,
                        List.of("Storm Isolde", "Flooding", "Weather", "Sea wall", "Emergency services"),
                        "Two people died and more than 600 were forced from their homes",
                        "the damage would run to tens of millions of dollars."),
                new Expected("articles/lantern-festival-record-crowds.html",
                        "Lantern festival lights up the waterfront with record crowds",
                        List.of("Hugo Mbeki"), "2025-03-08T00:00:00Z", COURIER,
                        List.of("Lantern Festival", "Arts", "Culture", "Waterfront", "Tourism"),
                        "More than 90,000 people crowded onto the Kestrel Bay waterfront",
                        "floating lanterns by the festival's youngest volunteers."),
                new Expected("articles/ferry-bombing-suspect-arrested.html",
                        "Ferry terminal bombing suspect arrested abroad as extradition hearing is set",
                        List.of("Selin Hart"), "2025-03-10T06:30:00Z", COURIER,
                        List.of("Counterterrorism", "Extradition", "Arrest", "Bombing", "Ferry terminal", "Kestrel Bay"),
                        "A militant suspected of the 2023 bombing at the Kestrel Bay ferry terminal",
                        "Now we want to see him in a courtroom here, in front of us.”"),
                new Expected("articles/council-approves-tram-line.html",
                        "Council approves $1.2bn tram line linking port and university",
                        List.of("Ruth Abernethy", "Sam Oyelaran", "Mei Lindgren"), "2025-03-04T00:00:00Z", COURIER,
                        List.of("Transport", "Trams", "City council", "Harbour Road"),
                        "Kestrel Bay city council approved plans for a $1.2 billion tram line",
                        "A final business case will go to the transport ministry in the autumn."));
    }

    // --- every sample article -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void readsTitle(Expected page) {
        assertThat(sample(page.path()).getTitle()).isEqualTo(page.title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void readsAuthorsInBylineOrder(Expected page) {
        assertThat(sample(page.path()).getAuthors()).containsExactlyElementsOf(page.authors());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void readsPublicationTime(Expected page) {
        assertThat(sample(page.path()).getPublishedAt()).isEqualTo(Instant.parse(page.publishedAt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void readsSource(Expected page) {
        assertThat(sample(page.path()).getSource()).isEqualTo(page.source());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void readsPublisherKeywords(Expected page) {
        assertThat(sample(page.path()).getSourceKeywords()).containsExactlyElementsOf(page.keywords());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void bodyRunsFromFirstToLastRealParagraph(Expected page) {
        String body = sample(page.path()).getBody();

        assertThat(body).startsWith(page.firstParagraphStart()).endsWith(page.lastParagraphEnd());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void bodyHasNoSiteChrome(Expected page) {
        String body = sample(page.path()).getBody();

        assertThat(body).doesNotContain("555 0100 200", "desk@harbourcourier.example", "Contact", "Front page",
                "Archive", "Most read", "Morning Tide", "Subscribe", "©", "Email this story");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void bodyHasNoHeadlineBylineCitationOrKeywordsLine(Expected page) {
        String body = sample(page.path()).getBody();

        assertThat(body).doesNotContain("Keywords:", COURIER + ". ", page.title());
        assertThat(body.lines()).noneMatch(line -> line.startsWith("By ") || line.startsWith("Published "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void paragraphsAreSeparatedByABlankLine(Expected page) {
        String body = sample(page.path()).getBody();

        assertThat(body.split("\n\n")).hasSizeGreaterThan(5).allMatch(p -> !p.isBlank() && !p.startsWith("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void declaredLanguageIsIso6391(Expected page) {
        assertThat(sample(page.path()).getLanguage()).isEqualTo("en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplePages")
    void idIsHashOfCanonicalUrl(Expected page) {
        Article article = sample(page.path());

        assertThat(article.getCanonicalUrl()).isEqualTo(BASE + page.path());
        assertThat(article.getId()).isEqualTo(ArticleIds.fromCanonicalUrl(article.getCanonicalUrl()));
    }

    // --- where fields come from -----------------------------------------------------------------

    @Test
    void jsonLdPageTakesItsFieldsFromJsonLd() {
        Article article = sample("articles/greywater-chip-plant-breaks-ground.html");

        assertThat(article.getFieldSources()).containsEntry("title", "json-ld").containsEntry("authors", "json-ld")
                .containsEntry("publishedAt", "json-ld").containsEntry("source", "json-ld")
                .containsEntry("sourceKeywords", "json-ld");
    }

    @Test
    void jsonLdArticleBodyIsNotTrustedAsTheBody() {
        assertThat(sample("articles/greywater-chip-plant-breaks-ground.html").getBody())
                .doesNotContain("Subscribers can read the full story");
    }

    @Test
    void citationLineSuppliesAuthorsDateAndSourceWhenNothingBetterExists() {
        Article article = sample("articles/st-brendas-opens-vaccine-clinic.html");

        assertThat(article.getFieldSources()).containsEntry("authors", "citation")
                .containsEntry("publishedAt", "citation").containsEntry("source", "citation")
                .containsEntry("sourceKeywords", "keywords-line");
    }

    @Test
    void markupBeatsTheCitationLine() {
        Article article = sample("articles/central-bank-holds-rates.html");

        assertThat(article.getFieldSources()).containsEntry("title", "og").containsEntry("authors", "meta")
                .containsEntry("publishedAt", "og").containsEntry("source", "og")
                .containsEntry("sourceKeywords", "meta").containsEntry("canonicalUrl", "link-canonical")
                .containsEntry("body", "main-text").containsEntry("language", "html-lang");
    }

    @Test
    void visibleBylineAndPublishedLineAreUsed() {
        Article article = sample("articles/harbour-united-win-cup-final.html");

        assertThat(article.getFieldSources()).containsEntry("authors", "byline").containsEntry("publishedAt", "dateline");
    }

    @Test
    void titleTagLosesItsSiteNameSuffix() {
        Article article = sample("articles/storm-isolde-floods-lower-town.html");

        assertThat(article.getTitle()).doesNotContain(COURIER);
        assertThat(article.getFieldSources()).containsEntry("title", "title-tag");
    }

    @Test
    void languageFallsBackToOgLocale() {
        assertThat(sample("articles/st-brendas-opens-vaccine-clinic.html").getFieldSources())
                .containsEntry("language", "og");
    }

    @Test
    void fetchedUrlIsNormalisedWhenThePageDeclaresNoCanonical() {
        String fetched = "HTTP://127.0.0.1:8080/articles/../articles/harbour-united-win-cup-final.html#report";
        Article article = extracted(extractor.extract(fetched,
                SampleSite.resource("articles/harbour-united-win-cup-final.html"), "sample", FETCHED));

        assertThat(article.getUrl()).isEqualTo(fetched);
        assertThat(article.getCanonicalUrl()).isEqualTo(BASE + "articles/harbour-united-win-cup-final.html");
        assertThat(article.getFieldSources()).containsEntry("canonicalUrl", "fetched-url");
    }

    @Test
    void recordsSourceIdAndFetchTime() {
        Article article = sample("articles/coalition-wins-snap-election.html");

        assertThat(article.getSourceId()).isEqualTo("sample");
        assertThat(article.getFetchedAt()).isEqualTo(FETCHED);
    }

    @Test
    void arrestArticleCarriesTheWordsAlertRulesMatch() {
        assertThat(sample("articles/ferry-bombing-suspect-arrested.html").getBody())
                .contains("arrest", "arrested", "extradition", "counterterrorism", "bombing", "militant");
    }

    // --- pages that are not articles ------------------------------------------------------------

    @Test
    void aboutPageIsNotAnArticle() {
        Extraction result = extractor.extract(BASE + "about.html", SampleSite.resource("about.html"), "sample", FETCHED);

        assertThat(result).isInstanceOfSatisfying(Extraction.NotArticle.class,
                rejected -> assertThat(rejected.reason()).startsWith("no article body"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/archive/page/2/"})
    void listingPagesAreNotArticles(String path) {
        Extraction result = extractor.extract(BASE + path.substring(1), SampleSite.resource(path), "sample", FETCHED);

        assertThat(result).isInstanceOfSatisfying(Extraction.NotArticle.class,
                rejected -> assertThat(rejected.reason()).startsWith("listing page"));
    }

    @Test
    void pageWithoutTitleIsNotAnArticle() {
        String html = "<html><body>" + "<p>Plenty of words in this paragraph but nothing to call it by.</p>".repeat(12)
                + "</body></html>";

        assertThat(extractor.extract(BASE + "x.html", html, "sample", FETCHED))
                .isEqualTo(new Extraction.NotArticle("no title"));
    }

    @Test
    void shortWebsitePageWithoutArticleSignalsIsNotAnArticle() {
        String html = "<html><head><title>Our services</title><meta property=\"og:type\" content=\"website\"></head><body>"
                + IntStream.rangeClosed(1, 9).mapToObj(i -> "<p>Office " + i
                        + " offers printing, delivery and advertising services to businesses across the region.</p>")
                        .collect(Collectors.joining())
                + "</body></html>";

        assertThat(extractor.extract(BASE + "services.html", html, "sample", FETCHED))
                .isInstanceOfSatisfying(Extraction.NotArticle.class,
                        rejected -> assertThat(rejected.reason()).startsWith("og:type website"));
    }

    // --- archived layouts (own fixtures) --------------------------------------------------------

    @Test
    void archivedLayoutDropsContactLineAndReadsCitationAndKeywords() {
        Article article = fixture("archived-article.html");

        assertThat(article.getTitle()).isEqualTo("Old shipyard reopens after forty years");
        assertThat(article.getAuthors()).containsExactly("Lena Dorsey", "Pavel Ilic");
        assertThat(article.getSource()).isEqualTo("Meridian Review");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-11-18T00:00:00Z"));
        assertThat(article.getSourceKeywords()).containsExactly("Shipbuilding", "Jobs", "Industry", "Dunmore Point");
        assertThat(article.getBody())
                .startsWith("The slipways at Dunmore Point filled with workers again on Monday")
                .endsWith("brought new tenants to empty shops along the harbour front.")
                .doesNotContain("222 640 640", "archive@meridian-review.example", "Contact", "Keywords", "Meridian Review");
    }

    @Test
    void archivedLayoutWithLineBreaksInsteadOfParagraphs() {
        Article article = fixture("archived-article-br.html");

        assertThat(article.getAuthors()).containsExactly("Marta Keel");
        assertThat(article.getSource()).isEqualTo("Island Gazette");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2024-10-14T00:00:00Z"));
        assertThat(article.getSourceKeywords()).containsExactly("Ferries", "Strike", "Transport");
        assertThat(article.getBody())
                .startsWith("Ferries between the mainland and the outer islands")
                .endsWith("waiting at the mainland terminal.")
                .doesNotContain("333 777 888", "newsdesk@", "Contact", "Keywords", "Island Gazette");
    }

    // --- contract -------------------------------------------------------------------------------

    @Test
    void doesNotModifyTheGivenDocument() {
        Document doc = Jsoup.parse(SampleSite.resource("articles/central-bank-holds-rates.html"),
                BASE + "articles/central-bank-holds-rates.html");
        String before = doc.outerHtml();

        extractor.extract(BASE + "articles/central-bank-holds-rates.html", doc, "sample", FETCHED);

        assertThat(doc.outerHtml()).isEqualTo(before);
    }

    @Test
    void rootCanonicalOnADeeperPageIsIgnored() {
        String html = SampleSite.resource("articles/council-approves-tram-line.html")
                .replace("<head>", "<head><link rel=\"canonical\" href=\"/\">");

        Article article = extracted(extractor.extract(BASE + "articles/council-approves-tram-line.html", html, "sample",
                FETCHED));

        assertThat(article.getCanonicalUrl()).isEqualTo(BASE + "articles/council-approves-tram-line.html");
    }

    private Article sample(String path) {
        return extracted(extractor.extract(BASE + path, SampleSite.resource(path), "sample", FETCHED));
    }

    private Article fixture(String name) {
        try (InputStream in = getClass().getResourceAsStream("/pages/" + name)) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return extracted(extractor.extract("https://archive.example/" + name, html, "fixtures", FETCHED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Article extracted(Extraction extraction) {
        assertThat(extraction).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) extraction).article();
    }
}
