package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.extract.MainTextDetector.MainText;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Main-text detection on small hand-written layouts, one layout problem per test. */
class MainTextDetectorTest {

    /** Body blocks of {@code html}, chrome found as the extractor finds it. */
    private static List<String> body(String html) {
        Document doc = Jsoup.parse(html, "https://news.example/story");
        ClassNames names = new ClassNames();
        PageScan scan = PageScan.of(doc, names);
        MainText text = MainTextDetector.detect(doc.body(), scan.chrome, names, Set.of());
        return text.blocks();
    }

    /** A distinct paragraph of a story, about 30 words long. */
    private static String sentence(int i) {
        return "Paragraph " + i + " of the story explains what the council decided on Tuesday about the harbour"
                + " tram line, who objected to the plan, and what the residents of the old town said about it.";
    }

    private static String paragraphs(int from, int to, String open, String close) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> open + sentence(i) + close).collect(Collectors.joining());
    }

    @Test
    void pageBuilderWrappersAroundEveryParagraphStillGiveTheWholeStory() {
        String wrapped = paragraphs(1, 8, "<div class=\"widget\"><div class=\"widget-wrap\"><div class=\"el\"><p>",
                "</p></div></div></div>");
        String html = "<html><body><div class=\"page\"><div class=\"builder\">" + wrapped + "</div>"
                + "<div class=\"col\"><ul><li><a href=\"/a\">Another story about something else entirely</a></li>"
                + "<li><a href=\"/b\">Yet another story about something else again</a></li></ul></div></div></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 8).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void containerOfAPageBuilderStoryIsTheBuilderNotOneParagraphWrapper() {
        String wrapped = paragraphs(1, 8, "<div class=\"widget\"><div class=\"el\"><p>", "</p></div></div>");
        Document doc = Jsoup.parse("<html><body><div class=\"page\"><div class=\"builder\">" + wrapped
                + "</div><div class=\"col\"><p>Short aside.</p></div></div></body></html>");
        ClassNames names = new ClassNames();

        assertThat(MainTextDetector.containers(doc.body(), PageScan.of(doc, names).chrome, names))
                .extracting(Element::className).containsExactly("builder");
    }

    @Test
    void teasersUnderTheStoryAreNotPartOfIt() {
        String teasers = IntStream.rangeClosed(1, 4).mapToObj(i -> "<div><h3><a href=\"/t" + i + "\">Teaser headline "
                + i + " about a different event</a></h3><p>A short summary of teaser " + i
                + " that is about something else and only wants a click from the reader.</p></div>")
                .collect(Collectors.joining());
        String html = "<html><body><div class=\"wrap\"><div class=\"story\">" + paragraphs(1, 8, "<p>", "</p>")
                + "</div><div class=\"more\">" + teasers + "</div></div></body></html>";

        assertThat(body(html)).hasSize(8).noneMatch(b -> b.contains("teaser"));
    }

    @Test
    void headingsListsAndQuotesStayInReadingOrder() {
        String html = "<html><body><article>" + paragraphs(1, 3, "<p>", "</p>")
                + "<h2>What comes next</h2><ul><li>First step of the plan</li><li>Second step of the plan</li></ul>"
                + "<blockquote>We will build it this year, said the mayor.</blockquote>" + paragraphs(4, 6, "<p>", "</p>")
                + "</article></body></html>";

        assertThat(body(html)).containsExactly(sentence(1), sentence(2), sentence(3), "What comes next",
                "First step of the plan", "Second step of the plan", "We will build it this year, said the mayor.",
                sentence(4), sentence(5), sentence(6));
    }

    @Test
    void textSplitByLineBreaksGivesOneBlockPerLine() {
        String html = "<html><body><div class=\"text\">" + paragraphs(1, 6, "", "<br><br>") + "</div></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void storyInDivsWithoutParagraphsIsFound() {
        String html = "<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
                + "<div id=\"x\">" + paragraphs(1, 6, "<div>", "</div>") + "</div></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void tableOfTextIsRead() {
        String rows = IntStream.rangeClosed(1, 6).mapToObj(i -> "<tr><td>" + sentence(i) + "</td></tr>")
                .collect(Collectors.joining());
        String html = "<html><body><table class=\"layout\">" + rows + "</table></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void aStoryRepeatedForAnotherScreenSizeIsReadOnce() {
        String copy = paragraphs(1, 6, "<p>", "</p>");
        String html = "<html><body><div class=\"story\"><div class=\"desktop\">" + copy + "</div><div class=\"mobile\">"
                + copy + "</div></div></body></html>";

        assertThat(body(html)).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void hiddenElementsAreLeftOut() {
        String html = "<html><body><article>" + paragraphs(1, 6, "<p>", "</p>")
                + "<div style=\"display: none\"><p>Schema copy of the headline and description for search engines only.</p></div>"
                + "<p hidden>Hidden note that nobody sees on the page at all, not even once.</p></article></body></html>";

        assertThat(body(html)).hasSize(6).noneMatch(b -> b.contains("Schema copy") || b.contains("Hidden note"));
    }

    @Test
    void storyHiddenUntilAScriptShowsItIsStillTheStory() {
        String html = "<html><body><p>Loading...</p><div id=\"app\" style=\"display:none\">"
                + paragraphs(1, 6, "<p>", "</p>") + "</div></body></html>";

        assertThat(body(html)).hasSize(6);
    }

    @Test
    void relatedAndCommentSectionsAreSkippedToTheNextHeading() {
        String html = "<html><body><article>" + paragraphs(1, 5, "<p>", "</p>")
                + "<h3>Related articles</h3><p>A related article teaser with a long enough summary to look like text.</p>"
                + "<h2>The vote</h2>" + paragraphs(6, 7, "<p>", "</p>")
                + "<h4>12 comments:</h4><p>Great article, thanks for writing it, I learned a lot from it today.</p>"
                + "</article></body></html>";

        assertThat(body(html)).containsExactly(sentence(1), sentence(2), sentence(3), sentence(4), sentence(5),
                "The vote", sentence(6), sentence(7));
    }

    @Test
    void storyColumnNamedLikeASidebarIsKeptWhenItHoldsMostOfTheText() {
        String html = "<html><body><div class=\"content-with-sidebar\"><div class=\"article-body\">"
                + paragraphs(1, 6, "<p>", "</p>") + "</div></div><div class=\"sidebar\"><p>Popular this week: a list "
                + "of other things that have nothing to do with this story.</p></div></body></html>";

        assertThat(body(html)).hasSize(6).noneMatch(b -> b.startsWith("Popular"));
    }

    @Test
    void ampChromeIsLeftOut() {
        String html = "<html amp><body><amp-sidebar id=\"menu\"><ul><li>Sections of the site navigation menu</li></ul>"
                + "</amp-sidebar><article><amp-img src=\"a.jpg\"></amp-img>" + paragraphs(1, 6, "<p>", "</p>")
                + "<amp-ad type=\"x\"><div fallback>Advertisement placeholder text shown while loading</div></amp-ad>"
                + "</article></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void shareBarsNewsletterBoxesAndContactLinesAreLeftOut() {
        String html = "<html><body><article>" + paragraphs(1, 6, "<p>", "</p>")
                + "<div class=\"share-bar\"><p>Share this story with your friends and family today</p></div>"
                + "<div class=\"newsletter-signup\"><p>Get the morning briefing in your inbox every day.</p></div>"
                + "<p>Call the newsroom on +1 555 0100 200 or write to desk@news.example</p></article></body></html>";

        assertThat(body(html)).hasSize(6);
    }

    @Test
    void storySectionsNamedLikeNavigationAreKeptWhenTogetherTheyAreMostOfThePage() {
        String html = "<html><body><div class=\"nav-section\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
                + "<div class=\"content-nav-section\">" + paragraphs(1, 3, "<p>", "</p>") + "</div>"
                + "<div class=\"content-nav-section\">" + paragraphs(4, 6, "<p>", "</p>") + "</div>"
                + "<div class=\"sidebar\"><p>Popular this week: a list of other things that have nothing to do with"
                + " this story, and then some more words about them.</p></div></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 6).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void aHeaderNamedBlockOfParagraphsIsTheStory() {
        String html = "<html><body><header><a href=\"/\">Home</a></header><div class=\"hub-header\">"
                + paragraphs(1, 6, "<p>", "</p>") + "</div><div class=\"teasers\">"
                + paragraphs(7, 11, "<p>", "</p>") + "</div></body></html>";

        assertThat(body(html)).startsWith(sentence(1), sentence(2));
    }

    @Test
    void commentsSharingAClassNameStayOutEvenWhenTheyOutweighTheStory() {
        String html = "<html><body><article>" + paragraphs(1, 3, "<p>", "</p>") + "</article>"
                + paragraphs(4, 9, "<div class=\"comment-content\"><p>", "</p></div>") + "</body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 3).mapToObj(MainTextDetectorTest::sentence).toList());
    }

    @Test
    void storySectionsSeparatedByALinkListAreAllRead() {
        // Each section in its own block, as content systems write them, with a long list of links between
        // two of them: widening to their common parent would take the links along, so it does not happen.
        String links = IntStream.rangeClosed(1, 30).mapToObj(i -> "<li><a href=\"/city/" + i
                + "\">Average costs for cleaning services in city number " + i + "</a></li>").collect(Collectors.joining());
        String html = "<html><body><div class=\"col\">"
                + "<div class=\"block\"><div class=\"block-content\"><div class=\"html-content\">"
                + paragraphs(1, 2, "<p>", "</p>") + "</div></div></div>"
                + "<div class=\"block\"><div class=\"block-content\"><ul>" + links + "</ul></div></div>"
                + "<div class=\"block\"><div class=\"block-content\"><div class=\"html-content\">"
                + paragraphs(3, 5, "<p>", "</p>") + "</div></div></div>"
                + "</div><div class=\"teasers\"><div class=\"teaser\"><p>" + sentence(9) + "</p></div></div></body></html>";

        assertThat(body(html)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 5).mapToObj(MainTextDetectorTest::sentence).toList());
    }
}
