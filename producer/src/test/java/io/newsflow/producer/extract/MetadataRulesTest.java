package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.Article;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The metadata rules added after ArticleFieldsTest's: each on a small hand-written page, with the
 * {@code fieldSources} entry it must leave.
 */
class MetadataRulesTest {

    private static final Instant FETCHED = Instant.parse("2026-01-10T12:00:00Z");
    private static final String URL = "https://news.example/politics/tram-vote";

    private final ArticleExtractor extractor = new ArticleExtractor(SiteRules.none());

    private static String story() {
        return ArticleFieldsTest.story();
    }

    private static String page(String head, String beforeStory) {
        return "<html lang=\"en\"><head>" + head + "</head><body><article>" + beforeStory + story()
                + "</article></body></html>";
    }

    private Article extract(String html) {
        Extraction result = extractor.extract(URL, html, "test", FETCHED);
        assertThat(result).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) result).article();
    }

    private static String jsonLd(String json) {
        return "<script type=\"application/ld+json\">" + json + "</script>";
    }

    private static String day(Article article) {
        return article.getPublishedAt() == null ? null : article.getPublishedAt().toString().substring(0, 10);
    }

    // --- dates ----------------------------------------------------------------------------------

    @Test
    void webPageNodeDatesThePageWhenThereIsNoArticleNode() {
        Article article = extract(page(jsonLd("""
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "The Post"},
                  {"@type": "WebPage", "name": "Tram vote - The Post", "datePublished": "2021-01-27T06:00:00+00:00",
                   "dateModified": "2021-04-15T00:07:20+00:00"}]}"""), "<h1>Tram vote</h1>"));

        assertThat(day(article)).isEqualTo("2021-01-27");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "json-ld");
    }

    @Test
    void metaTagNamedAfterPublishingIsRead() {
        Article article = extract(page("<meta name=\"published-time\" content=\"2026-01-09T08:45:32Z\">"
                + "<meta name=\"published-date\" content=\"2021-02-16\">", "<h1>Tram vote</h1>"));

        assertThat(day(article)).isEqualTo("2021-02-16");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "meta");
    }

    @Test
    void timeElementWithoutDatetimeIsReadFromItsText() {
        Article article = extract(page("", "<h1>Tram vote</h1><p class=\"info\"><time>22 June 2020</time></p>"));

        assertThat(day(article)).isEqualTo("2020-06-22");
    }

    @Test
    void modifiedDateIsTheVeryLastResort() {
        Article article = extract(page("<meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\">",
                "<h1>Tram vote</h1>"));

        assertThat(day(article)).isEqualTo("2023-06-12");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "og-modified");
    }

    @Test
    void publishedMetaBeatsTheModifiedDate() {
        Article article = extract(page("<meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\">"
                + "<meta property=\"article:published_time\" content=\"2022-01-03T10:00:00+00:00\">",
                "<h1>Tram vote</h1>"));

        assertThat(day(article)).isEqualTo("2022-01-03");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "og");
    }

    @Test
    void timeInACommentDoesNotDateTheStory() {
        String html = "<html><head>" + jsonLd("""
                {"@type": "Article", "headline": "Tram vote", "datePublished": "2025-12-11T10:51:03+00:00"}""")
                + "</head><body><article><h1>Tram vote</h1>" + story() + "</article>"
                + "<div id=\"comments\"><p>Nice! <time datetime=\"2022-11-15T07:03:58-05:00\">November 15, 2022</time>"
                + "</p></div></body></html>";

        assertThat(day(extract(html))).isEqualTo("2025-12-11");
    }

    @Test
    void dateUnderTheHeadlineCountsEvenInAColumnNamedSidebar() {
        // Themes name the whole story column "...-sidebar-mode"; the date under the headline is the story's.
        String html = "<html><head><meta property=\"og:title\" content=\"Council says yes to the tram\"></head><body>"
                + "<div class=\"story-page story-sidebar-mode\"><h1>Council says yes to the tram</h1>"
                + "<span class=\"when\">May 31, 2024</span>" + story() + "</div>"
                + "<div class=\"sidebar\"><span>June 2, 2025</span></div></body></html>";

        Article article = extract(html);
        assertThat(day(article)).isEqualTo("2024-05-31");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "date-text");
    }

    @Test
    void dateOnlyInASidebarIsNotTheStorysDate() {
        String html = "<html><head><meta property=\"og:title\" content=\"Council says yes to the tram\"></head><body>"
                + "<div class=\"content\"><h1>Council says yes to the tram</h1>" + story() + "</div>"
                + "<div class=\"sidebar\"><p>Latest</p><span>June 2, 2025</span></div></body></html>";

        assertThat(extract(html).getPublishedAt()).isNull();
    }

    @Test
    void itempropDatePublishedRanksLikeJsonLdBelowTheDateShown() {
        Article article = extract(page("<meta itemprop=\"datePublished\" content=\"2012-09-12T16:45:28+00:00\">",
                "<h1>Tram vote</h1><p class=\"info\"><time datetime=\"2021-09-08T18:02:10+00:00\">September 8, 2021</time></p>"));

        assertThat(day(article)).isEqualTo("2021-09-08");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "time");
    }

    @Test
    void itempropDatePublishedIsReadWhenNothingIsShown() {
        Article article = extract(page("<meta itemprop=\"datePublished\" content=\"2012-09-12T16:45:28+00:00\">",
                "<h1>Tram vote</h1>"));

        assertThat(day(article)).isEqualTo("2012-09-12");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "microdata");
    }

    @Test
    void dateInTheTitleTagOrACopyrightLineIsNotShownAsTheStorysDate() {
        Article article = extract("<html><head><title>Tram vote | 12/20/2024</title></head><body><article>"
                + "<h1>Tram vote</h1><p>Reviewed by Ann Lee on December 9, 2024.</p>" + story()
                + "</article><div>Copyright © 2025 The Post</div></body></html>");

        assertThat(day(article)).isEqualTo("2024-12-09");
    }

    @Test
    void dateRightAfterTheHeadlineIsFoundAfterManyDatedLines() {
        StringBuilder menu = new StringBuilder("<div class=\"products\">");
        for (int i = 0; i < 14; i++) {
            menu.append("<div>Robot A").append(2000 + i).append(" Pro</div>");
        }
        menu.append("</div>");
        Article article = extract("<html><head></head><body>" + menu + "<div class=\"col\"><h1>Tram vote</h1>"
                + "<h5><span>2024-11-06</span></h5></div><article>" + story() + "</article></body></html>");

        assertThat(day(article)).isEqualTo("2024-11-06");
    }

    @Test
    void updatedLineIsALastResort() {
        // Fourteen lines with years use up the visible dates the page scan keeps; the "Updated" line is
        // further down than the few elements after the headline.
        StringBuilder menu = new StringBuilder("<div class=\"products\">");
        for (int i = 0; i < 14; i++) {
            menu.append("<div>Robot A").append(2000 + i).append(" Pro</div>");
        }
        menu.append("</div>");
        Article article = extract("<html><head></head><body>" + menu + "<article><h1>Tram vote</h1>" + story()
                + "<p>Last updated on 17 December 2025</p></article></body></html>");

        assertThat(day(article)).isEqualTo("2025-12-17");
        assertThat(article.getFieldSources()).containsEntry("publishedAt", "updated-line");
    }

    @Test
    void dateNamedAsSuchInASideColumnCountsWhenNothingElseDoes() {
        String html = "<html><head></head><body><div class=\"content\"><h1>Council says yes to the tram</h1>" + story()
                + "</div><aside><div class=\"post-date\">July 8, 2025</div>"
                + "<div class=\"related\"><span class=\"card-date\">Dec 19, 2025</span></div></aside></body></html>";

        assertThat(day(extract(html))).isEqualTo("2025-07-08");
    }

    @Test
    void lastPublishedMetaIsARepublicationNotThePublicationDate() {
        Article article = extract(page("<meta property=\"cms:last_published\" content=\"2024-07-05T14:27:23Z\">",
                "<h1>Tram vote</h1><p class=\"info\"><time datetime=\"2024-03-01\">March 1, 2024</time></p>"));

        assertThat(day(article)).isEqualTo("2024-03-01");
    }

    @Test
    void shownNumericDateIsReadMonthFirstWhenTheMarkupSaysSo() {
        Article article = extract(page(jsonLd("""
                {"@type": "Article", "headline": "Tram vote", "datePublished": "2024-09-10T16:07:00Z"}"""),
                "<h1>Tram vote</h1><p class=\"info\">09.10.2024</p>"));

        assertThat(day(article)).isEqualTo("2024-09-10");
    }

    @Test
    void shownNumericDateStaysDayFirstWhenTheMarkupAgrees() {
        Article article = extract(page(jsonLd("""
                {"@type": "Article", "headline": "Tram vote", "datePublished": "2024-10-09T16:07:00Z",
                 "dateModified": "2024-09-10T10:00:00Z"}"""),
                "<h1>Tram vote</h1><p class=\"info\">09.10.2024</p>"));

        assertThat(day(article)).isEqualTo("2024-10-09");
    }

    // --- titles ---------------------------------------------------------------------------------

    private Article extractAt(String url, String html) {
        Extraction result = extractor.extract(url, html, "test", FETCHED);
        assertThat(result).isInstanceOf(Extraction.Extracted.class);
        return ((Extraction.Extracted) result).article();
    }

    @Test
    void siteNameAtTheHeadOfTheTitleTagIsNotTheHeadline() {
        Article article = extract("<html><head><title>Harbour Notes: Council says yes to the tram</title>"
                + "<meta property=\"og:title\" content=\"Council says yes to the tram\"></head><body>"
                + "<div class=\"brand\"><h1>Harbour Notes</h1></div><article>" + story() + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the tram");
    }

    @Test
    void headlineThatStartsTheTitleTagBeforeASiteSuffixIsKept() {
        Article article = extract("<html><head><title>Council says yes to the tram - Harbour Notes</title>"
                + "<meta property=\"og:title\" content=\"Tram: the vote\"></head><body>"
                + "<article><h1>Council says yes to the tram</h1>" + story() + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the tram");
    }

    @Test
    void suffixNamingTheHostIsASiteName() {
        Article article = extractAt("https://admissions.harbour.edu/tram-vote", "<html><head>"
                + "<meta property=\"og:title\" content=\"Council says yes to the tram - Admissions Blog - University of Harbour\">"
                + "</head><body><article>" + story() + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the tram");
    }

    @Test
    void headlineInAColumnNamedSidebarCountsWhenItMatchesTheDeclaredTitle() {
        Article article = extract("<html><head><meta property=\"og:title\" content=\"Council says yes to tram\"></head>"
                + "<body><div class=\"content-sidebar-wrap\"><header><h1>Council says yes to the harbour tram</h1></header>"
                + "<article>" + story() + "</article></div></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the harbour tram");
        assertThat(article.getFieldSources()).containsEntry("title", "h1");
    }

    @Test
    void headlineThatRepeatsTheTitleTagLosesItsSiteSuffix() {
        Article article = extract("<html><head><title>Council says yes to the tram | News | The Harbour Post</title></head>"
                + "<body><article><h1>Council says yes to the tram | News | The Harbour Post</h1>" + story()
                + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the tram");
    }

    @Test
    void dateAtTheStartOfTheHeadlineIsNotPartOfIt() {
        Article article = extract("<html><head><meta property=\"og:title\" content=\"Council says yes to the tram\"></head>"
                + "<body><article><h1>Dec 18 2025 Council says yes to the tram</h1>" + story() + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("Council says yes to the tram");
    }

    @Test
    void bracketedTailOfTheDeclaredTitleIsIgnoredWhenMatchingTheHeadline() {
        Article article = extract("<html><head><meta property=\"og:title\" content=\"What is a Mobile App? [Definition + Types + Pros and Cons]\">"
                + "</head><body><article><h1>What is a Mobile Application?</h1>" + story() + "</article></body></html>");

        assertThat(article.getTitle()).isEqualTo("What is a Mobile Application?");
    }

    // --- authors --------------------------------------------------------------------------------

    @Test
    void teamBylineIsAnAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><p class=\"authorName\">Podium Staff</p>"));

        assertThat(article.getAuthors()).containsExactly("Podium Staff");
    }

    @Test
    void personBylineBeatsATeamBylineOnATeaser() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By Team Harbour Data</p><p>Written by Ann Lee</p>"));

        assertThat(article.getAuthors()).containsExactly("Ann Lee");
    }

    @Test
    void roleAfterTheNameIsNotPartOfIt() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By Keith Barry Senior Autos Reporter</p>"));

        assertThat(article.getAuthors()).containsExactly("Keith Barry");
    }

    @Test
    void roleAfterACommaIsNotASecondAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By Liz Kenny, Former McKinsey Consultant</p>"));

        assertThat(article.getAuthors()).containsExactly("Liz Kenny");
    }

    @Test
    void lowerCaseByAndTheNameBeforeTheDate() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>by Amanda · Dec 20, 2025 at 3:00 am</p>"));

        assertThat(article.getAuthors()).containsExactly("Amanda");
    }

    @Test
    void postedByLineNamesTheAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><span>Posted by BeauHD on Friday December 19, 2025"
                + " @08:00PM from the tram-line dept.</span>"));

        assertThat(article.getAuthors()).containsExactly("BeauHD");
    }

    @Test
    void linkedNameInABylineWithOtherLinks() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By <a href=\"/a\">A. J. Neal</a> "
                + "<a href=\"/e\">View In Digital Edition</a></p>"));

        assertThat(article.getAuthors()).containsExactly("A. J. Neal");
    }

    @Test
    void declaredAuthorThatIsTheSiteGivesWayToTheByline() {
        Article article = extract(page("<meta property=\"og:site_name\" content=\"Harbour Post\">"
                + "<meta name=\"author\" content=\"Harbour Post\">", "<h1>Tram vote</h1><p>By Brian Truitt</p>"));

        assertThat(article.getAuthors()).containsExactly("Brian Truitt");
        assertThat(article.getFieldSources()).containsEntry("authors", "byline");
    }

    @Test
    void declaredAuthorThatIsTheSiteIsStillTheLastResort() {
        Article article = extract(page("<meta property=\"og:site_name\" content=\"Harbour Post\">"
                + "<meta name=\"author\" content=\"Harbour Post\">", "<h1>Tram vote</h1>"));

        assertThat(article.getAuthors()).containsExactly("Harbour Post");
    }

    @Test
    void declaredNameLosesASuffixAfterASpacedHyphen() {
        Article article = extract(page("<meta name=\"author\" content=\"David Jackson - FullStack Editorial Team\">",
                "<h1>Tram vote</h1>"));

        assertThat(article.getAuthors()).containsExactly("David Jackson");
    }

    @Test
    void nameGluedAfterADate() {
        Article article = extract(page("", "<h1>Tram vote</h1><div class=\"dateAndAuthor\"><span>Dec 17, 2025</span>"
                + "<span>Julian K. Arni</span></div>"));

        assertThat(article.getAuthors()).containsExactly("Julian K. Arni");
    }

    @Test
    void affiliationAfterTheNameIsNotASecondAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By Meghan Holmes, Loyola University New Orleans</p>"));

        assertThat(article.getAuthors()).containsExactly("Meghan Holmes");
    }

    @Test
    void roleInTheNextAuthorElementIsNotASecondAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><div class=\"byline\"><span class=\"author\">Celeste Longacre</span>"
                + "<span class=\"author\">Gardener, Astrologer</span></div>"));

        assertThat(article.getAuthors()).containsExactly("Celeste Longacre");
    }

    @Test
    void credentialsAfterADeclaredNameAreKept() {
        Article article = extract(page("<meta name=\"author\" content=\"Dylan Bailey, MS, RD\">", "<h1>Tram vote</h1>"));

        assertThat(String.join(", ", article.getAuthors())).isEqualTo("Dylan Bailey, MS, RD");
    }

    @Test
    void nameRepeatedByNestedElementsIsOneName() {
        Article article = extract(page("", "<h1>Tram vote</h1><p>By Yucy Yucy</p>"));

        assertThat(article.getAuthors()).containsExactly("Yucy");
    }

    @Test
    void accountNameGivesWayToTheByline() {
        Article article = extract(page(jsonLd("""
                {"@type": "Article", "headline": "Tram vote", "author": {"@type": "Person", "name": "andrew.keaveney"}}"""),
                "<h1>Tram vote</h1><p>By Denise Everheart</p>"));

        assertThat(article.getAuthors()).containsExactly("Denise Everheart");
    }

    @Test
    void accountNameIsKeptWhenNothingElseNamesTheAuthor() {
        Article article = extract(page(jsonLd("""
                {"@type": "Article", "headline": "Tram vote", "author": {"@type": "Person", "name": "ann_lee"}}"""),
                "<h1>Tram vote</h1>"));

        assertThat(article.getAuthors()).containsExactly("ann_lee");
    }

    @Test
    void bylineUnderTheHeadlineCountsEvenInAColumnNamedSidebar() {
        String html = "<html><head><meta property=\"og:title\" content=\"Council says yes to the tram\"></head><body>"
                + "<div class=\"sidebar_content\"><h1>Council says yes to the tram</h1>"
                + "<div class=\"author-name\">Posted by : Ryan Bald</div>" + story()
                + "<div class=\"comments\"><span class=\"author\">Greg Knighton</span></div></div></body></html>";

        assertThat(extract(html).getAuthors()).containsExactly("Ryan Bald");
    }

    @Test
    void authorInASideColumnCountsWhenTheStoryHasNoByline() {
        String html = "<html><head></head><body><div class=\"content\"><h1>Council says yes to the tram</h1>" + story()
                + "</div><aside><p class=\"article-author\">Written By Angela Holliday-Bell, MD</p>"
                + "<div class=\"related\"><span class=\"author\">Bo Chen</span></div></aside></body></html>";

        assertThat(String.join(", ", extract(html).getAuthors())).isEqualTo("Angela Holliday-Bell, MD");
    }

    @Test
    void commentAuthorIsNeverTheAuthor() {
        String html = "<html><head></head><body><div class=\"content\"><h1>Council says yes to the tram</h1>" + story()
                + "</div><div class=\"comments\"><span class=\"comment-author\">Jiobal</span></div></body></html>";

        assertThat(extract(html).getAuthors()).isEmpty();
    }

    @Test
    void nameAndDateLineUnderTheHeadlineIsTheByline() {
        Article article = extract(page("", "<header><h1>Tram vote</h1><p>Aaron Ricadela | Senior Writer | July 2, 2025</p>"
                + "</header>"));

        assertThat(article.getAuthors()).containsExactly("Aaron Ricadela");
    }

    @Test
    void recipeByNamesTheAuthor() {
        Article article = extract(page("", "<h1>Tram vote</h1><div class=\"blog-author\">Recipe by <a href=\"/pj\">PJ Hamel</a></div>"));

        assertThat(article.getAuthors()).containsExactly("PJ Hamel");
    }

    @Test
    void authorCardOutsideTheStoryIsNotATeaser() {
        String html = "<html><head></head><body><div class=\"content\"><h1>Council says yes to the tram</h1>" + story()
                + "</div><aside><div class=\"author-card\"><p class=\"author-name\">Matteo Laratta | Author</p></div>"
                + "</aside></body></html>";

        assertThat(extract(html).getAuthors()).containsExactly("Matteo Laratta");
    }
}
