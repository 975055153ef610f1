package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.Category;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryClassifierTest {

    private static final CategoryClassifier CLASSIFIER = CategoryClassifier.loadDefault();

    private static final String POLITICS_TITLE = "Coalition talks stall as minister quits";
    private static final String POLITICS_BODY = "The prime minister faces a vote of confidence in parliament "
            + "next week after the junior coalition partner walked out of cabinet. Opposition leaders "
            + "called for an early general election, and several senators said the ballot could come "
            + "before the budget is debated. Polls suggest voters blame both parties for the deadlock.";

    @Test
    void multiWordTermsCountOnlyWhenAllTheirWordsAreThere() {
        CategoryClassifier classifier = new CategoryClassifier(new io.newsflow.streams.enrich.internal.NewsTermAnalyzer(),
                CategoryTaxonomy.bundled(), List.of("[medtop:04000000]", "2: bank of england, rate", "[medtop:15000000]",
                        "2: cup final"), List.of(), "test");
        int economy = 3; // medtop:04000000 is the fourth level-1 topic
        assertThat(CategoryTaxonomy.bundled().level1().get(economy).code()).isEqualTo("medtop:04000000");

        assertThat(classifier.evidence(null, "The Bank of England said so.", List.of()).level1()[economy]).isEqualTo(2.0);
        assertThat(classifier.evidence(null, "The bank in England said so, of course.", List.of()).level1()[economy]).isZero();
        assertThat(classifier.evidence(null, "Bank of England rates: the bank of england", List.of()).level1()[economy])
                .isEqualTo(2.0 * (1 + Math.log(2)) + 2.0);
    }

    @Test
    void politicsParagraphIsPrimarilyPolitics() {
        List<Category> categories = CLASSIFIER.classify(POLITICS_TITLE, POLITICS_BODY, List.of());
        assertThat(categories).isNotEmpty();
        assertThat(categories.get(0).getCode()).isEqualTo("medtop:11000000");
        assertThat(categories.get(0).getLabel()).isEqualTo("politics");
    }

    @Test
    void sportParagraphIsPrimarilySport() {
        List<Category> categories = CLASSIFIER.classify("Late goal sends champions into cup final",
                "The striker scored in injury time as the home side beat their rivals 2-1 to reach the "
                        + "final. The coach praised his players after a tense second half in front of "
                        + "40,000 fans, and the goalkeeper made three fine saves to keep the match level.",
                List.of());
        assertThat(categories.get(0).getCode()).isEqualTo("medtop:15000000");
    }

    @Test
    void economyParagraphIsPrimarilyEconomy() {
        List<Category> categories = CLASSIFIER.classify("Central bank holds rates as inflation eases",
                "The central bank left interest rates unchanged on Thursday after inflation slowed for a "
                        + "third month. Shares rose on the stock exchange and the currency firmed, while "
                        + "economists said weaker consumer spending and falling earnings could still push "
                        + "the economy towards recession.",
                List.of());
        assertThat(categories.get(0).getCode()).isEqualTo("medtop:04000000");
    }

    @Test
    void inflectedFormsCountLikeTheBaseForm() {
        List<Category> plural = CLASSIFIER.classify("Elections", "Elections and ministers and parliaments.", List.of());
        List<Category> singular = CLASSIFIER.classify("Election", "Election and minister and parliament.", List.of());
        assertThat(plural).isNotEmpty();
        assertThat(plural.get(0).getCode()).isEqualTo(singular.get(0).getCode());
        assertThat(plural.get(0).getScore()).isEqualTo(singular.get(0).getScore());
    }

    @Test
    void publisherKeywordsAddEvidence() {
        String body = "The decision was announced on Tuesday after a long meeting.";
        assertThat(CLASSIFIER.classify(null, body, List.of())).isEmpty();
        List<Category> withKeywords = CLASSIFIER.classify(null, body, List.of("football", "premier league"));
        assertThat(withKeywords).extracting(Category::getCode).first().isEqualTo("medtop:15000000");
    }

    @Test
    void scoresAreSortedDescendingWithinUnitIntervalAndAtMostThreeAtLevelOne() {
        List<Category> categories = CLASSIFIER.classify("Minister defends school funding as teachers strike",
                "Teachers at hundreds of schools went on strike over pay, and the union said workers would "
                        + "walk out again. The education minister told parliament the budget could not "
                        + "stretch further; opposition MPs called for a vote.",
                List.of());
        assertThat(categories.stream().filter(c -> isLevel1(c.getCode()))).hasSizeBetween(1, 3);
        assertThat(categories).allSatisfy(c -> assertThat(c.getScore()).isBetween(0.0, 1.0));
        assertThat(categories).extracting(Category::getScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void electionStoryGetsTheElectionSubtopicUnderPolitics() {
        List<Category> categories = CLASSIFIER.classify(POLITICS_TITLE, POLITICS_BODY, List.of());
        Category politics = categories.get(0);
        Category election = categories.stream().filter(c -> c.getCode().equals("medtop:20000574")).findFirst().orElseThrow();
        assertThat(election.getLabel()).isEqualTo("election");
        assertThat(election.getScore()).isPositive().isLessThanOrEqualTo(politics.getScore());
    }

    @Test
    void subtopicsOnlyAppearUnderTheirReturnedParentAndNeverFirst() {
        List<Category> categories = CLASSIFIER.classify("Late goal sends champions into cup final",
                "The striker scored in injury time as the home side beat their rivals 2-1 to reach the final "
                        + "at the stadium. The referee booked four players; the coach praised his squad after "
                        + "a tense second half of football in front of 40,000 fans.",
                List.of());
        assertThat(isLevel1(categories.get(0).getCode())).isTrue();
        List<String> parents = categories.stream().map(Category::getCode).filter(CategoryClassifierTest::isLevel1).toList();
        CategoryTaxonomy taxonomy = CategoryTaxonomy.bundled();
        List<Category> subtopics = categories.stream().filter(c -> !isLevel1(c.getCode())).toList();
        assertThat(subtopics).isNotEmpty()
                .allSatisfy(c -> assertThat(parents).contains(taxonomy.topic(c.getCode()).level1()));
        assertThat(subtopics).extracting(Category::getCode).contains("medtop:20000822"); // competition discipline
    }

    @Test
    void versionNamesTheModelAndAHashOfItsLists() {
        assertThat(CLASSIFIER.version()).matches("iptc-terms-[0-9a-f]{8}");
        assertThat(CategoryClassifier.loadDefault().version()).isEqualTo(CLASSIFIER.version());
    }

    @Test
    void unrelatedTextGetsNoCategory() {
        assertThat(CLASSIFIER.classify("Lorem ipsum", "Dolor sit amet, consectetur adipiscing elit.", List.of()))
                .isEmpty();
        assertThat(CLASSIFIER.classify(null, null, null)).isEmpty();
    }

    private static boolean isLevel1(String code) {
        return code.matches("medtop:\\d\\d000000");
    }
}
