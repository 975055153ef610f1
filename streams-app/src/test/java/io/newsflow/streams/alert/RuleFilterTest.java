package io.newsflow.streams.alert;

import static io.newsflow.streams.alert.Fixtures.NOW;
import static io.newsflow.streams.alert.Fixtures.article;
import static io.newsflow.streams.alert.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rule filters through the matcher. The fixture article is English, from "The Daily" (source id
 * "example"), in categories medtop:16000000 and medtop:11000000, with sentiment -0.4.
 */
class RuleFilterTest {

    private static final EnrichedArticle ARTICLE = article(
            "Militant arrested after market bombing", "Police arrested a militant on Tuesday.");

    private final AlertMatcher matcher = new AlertMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    private boolean matches(String query, Consumer<AlertRule> filters) throws InvalidRuleException {
        AlertRule rule = rule("r", query);
        filters.accept(rule);
        matcher.upsert(rule);
        return !matcher.match(ARTICLE, NOW).isEmpty();
    }

    private boolean matches(Consumer<AlertRule> filters) throws InvalidRuleException {
        return matches("militant", filters);
    }

    @Test
    void categoryFilterPassesWhenTheArticleHasOneOfTheCategories() throws Exception {
        assertThat(matches(r -> r.setCategories(List.of("medtop:04000000", "medtop:11000000")))).isTrue();
    }

    @Test
    void categoryFilterRefusesAnArticleWithNoneOfTheCategories() throws Exception {
        assertThat(matches(r -> r.setCategories(List.of("medtop:04000000", "medtop:15000000")))).isFalse();
    }

    @Test
    void languageFilterPassesTheDetectedLanguage() throws Exception {
        assertThat(matches(r -> r.setLanguages(List.of("fr", "en")))).isTrue();
    }

    @Test
    void languageFilterRefusesOtherLanguages() throws Exception {
        assertThat(matches(r -> r.setLanguages(List.of("fr", "de")))).isFalse();
    }

    @Test
    void sourceFilterMatchesTheOutletNameIgnoringCase() throws Exception {
        assertThat(matches(r -> r.setSources(List.of("THE DAILY")))).isTrue();
    }

    @Test
    void sourceFilterMatchesTheSourceId() throws Exception {
        assertThat(matches(r -> r.setSources(List.of("Example")))).isTrue();
    }

    @Test
    void sourceFilterRefusesOtherOutlets() throws Exception {
        assertThat(matches(r -> r.setSources(List.of("The Harbour Courier")))).isFalse();
    }

    @Test
    void minAbsSentimentPassesANegativeArticleAsStrongAsTheMinimum() throws Exception {
        assertThat(matches(r -> r.setMinAbsSentiment(0.4))).isTrue();
    }

    @Test
    void minAbsSentimentRefusesAnArticleWeakerThanTheMinimum() throws Exception {
        assertThat(matches(r -> r.setMinAbsSentiment(0.5))).isFalse();
    }

    @Test
    void everyFilterThatIsSetMustPass() throws Exception {
        assertThat(matches(r -> {
            r.setCategories(List.of("medtop:16000000"));
            r.setLanguages(List.of("en"));
            r.setSources(List.of("The Daily"));
            r.setMinAbsSentiment(0.9);
        })).isFalse();
    }

    @Test
    void passingFiltersDoNotMakeANonMatchingQueryMatch() throws Exception {
        assertThat(matches("earthquake", r -> {
            r.setCategories(List.of("medtop:16000000"));
            r.setLanguages(List.of("en"));
        })).isFalse();
    }

    @Test
    void filteredRulesMatchAlongsideUnfilteredOnes() throws Exception {
        AlertRule french = rule("french", "militant");
        french.setLanguages(List.of("fr"));
        AlertRule english = rule("english", "militant");
        english.setLanguages(List.of("en"));
        matcher.upsertAll(List.of(french, english, rule("any", "bombing")));

        assertThat(matcher.match(ARTICLE, NOW)).extracting(KeywordAlert::getRuleId)
                .containsExactly("any", "english");
    }

    @Test
    void articleWithoutSentimentCountsAsNeutral() {
        EnrichedArticle neutral = article("Militant arrested", "Police arrested a militant.");
        neutral.setSentiment(null);
        AlertRule rule = rule("r", "militant");
        rule.setMinAbsSentiment(0.1);

        assertThat(RuleFilter.of(rule).accepts(neutral)).isFalse();
        rule.setMinAbsSentiment(0.0);
        assertThat(RuleFilter.of(rule).accepts(neutral)).isTrue();
    }

    @Test
    void ruleWithoutFiltersIsEmptyAndAcceptsEverything() {
        RuleFilter none = RuleFilter.of(rule("r", "militant"));

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.accepts(ARTICLE)).isTrue();
    }

    @Test
    void filteredOutCandidatesAreCountedAndNotRun() throws Exception {
        AlertRule french = rule("french", "militant");
        french.setLanguages(List.of("fr"));
        matcher.upsert(french);

        matcher.match(ARTICLE, NOW);

        // militant is searched in title and body: the query is two candidate parts, both refused.
        assertThat(matcher.stats()).isEqualTo(new AlertMatcher.Stats(1, 2, 2, 0));
    }

    @Test
    void aSharedQueryAlertsOnlyForTheRulesWhoseFiltersAccept() throws Exception {
        AlertRule french = rule("french", "militant");
        french.setLanguages(List.of("fr"));
        AlertRule english = rule("english", "Militant");
        english.setLanguages(List.of("en"));
        matcher.upsertAll(List.of(french, english, rule("any", "militant")));

        assertThat(matcher.match(ARTICLE, NOW)).extracting(KeywordAlert::getRuleId)
                .containsExactly("any", "english");
        assertThat(matcher.stats().filteredOut()).isZero();
    }
}
