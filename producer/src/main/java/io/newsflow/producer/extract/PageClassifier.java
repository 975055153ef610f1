package io.newsflow.producer.extract;

import io.newsflow.producer.extract.MainTextDetector.MainText;
import java.util.Locale;

/**
 * Decides whether a page with a title and some text is an article or something else (a listing page,
 * an about page, a section front). Returns the reason for rejection, or null for an article.
 */
final class PageClassifier {

    static final int MIN_WORDS = 80;
    // Listing pages: several linked headlines, each with little more than a teaser under it.
    private static final int MIN_LINKED_HEADINGS = 3;
    private static final int MAX_WORDS_PER_LINKED_HEADING = 120;
    private static final int MIN_LINKS_FOR_LINK_FARM = 15;
    private static final double LINK_FARM_DENSITY = 0.5;
    // og:type=website pages need more text than this to count as an article without other signals.
    private static final int WEBSITE_MIN_WORDS = 150;

    private PageClassifier() {
    }

    /**
     * @param page              the page statistics, chrome left out
     * @param bodyWords         words in the extracted body
     * @param ogType            og:type, or null
     * @param hasArticleSignals JSON-LD article, og:type article, a date, authors or a citation line
     */
    static String rejection(MainText page, int bodyWords, String ogType, boolean hasArticleSignals) {
        int linkedHeadings = page.linkedHeadings();
        if (linkedHeadings >= MIN_LINKED_HEADINGS && bodyWords < linkedHeadings * MAX_WORDS_PER_LINKED_HEADING) {
            return "listing page: " + linkedHeadings + " linked headlines and " + bodyWords + " words of text";
        }
        if (page.links() >= MIN_LINKS_FOR_LINK_FARM && page.linkedChars() > LINK_FARM_DENSITY * page.chars()) {
            return "listing page: " + page.links() + " links make up most of the text";
        }
        if (bodyWords < MIN_WORDS) {
            return "no article body: " + bodyWords + " words of main text (minimum " + MIN_WORDS + ")";
        }
        boolean website = ogType != null && ogType.toLowerCase(Locale.ROOT).equals("website");
        if (website && !hasArticleSignals && bodyWords < WEBSITE_MIN_WORDS) {
            return "og:type website without article metadata and only " + bodyWords + " words of text";
        }
        return null;
    }
}
