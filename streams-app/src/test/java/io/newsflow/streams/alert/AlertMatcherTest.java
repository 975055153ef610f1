package io.newsflow.streams.alert;

import static io.newsflow.streams.alert.Fixtures.NOW;
import static io.newsflow.streams.alert.Fixtures.article;
import static io.newsflow.streams.alert.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertKind;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.EntityType;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertMatcherTest {

    private static final EnrichedArticle ARREST = article(
            "Militant arrested after market bombing",
            "Police arrested a militant on Tuesday. He is suspected of the market bombing. "
                    + "Prosecutors will seek his extradition.");

    private final AlertMatcher matcher = new AlertMatcher();

    @AfterEach
    void close() {
        matcher.close();
    }

    private List<String> matchingRuleIds(EnrichedArticle article) {
        return matcher.match(article, NOW).stream().map(KeywordAlert::getRuleId).toList();
    }

    private KeywordAlert onlyAlert(String query, EnrichedArticle article) throws Exception {
        matcher.upsert(rule("r", query));
        List<KeywordAlert> alerts = matcher.match(article, NOW);
        assertThat(alerts).hasSize(1);
        return alerts.get(0);
    }

    @Test
    void andRequiresEveryTerm() throws Exception {
        matcher.upsert(rule("both", "militant AND bombing"));
        matcher.upsert(rule("missing", "militant AND earthquake"));

        assertThat(matchingRuleIds(ARREST)).containsExactly("both");
    }

    @Test
    void orNeedsAnyTerm() throws Exception {
        matcher.upsert(rule("either", "earthquake OR extradition"));
        matcher.upsert(rule("neither", "earthquake OR flood"));

        assertThat(matchingRuleIds(ARREST)).containsExactly("either");
    }

    @Test
    void notExcludesArticlesContainingTheTerm() throws Exception {
        matcher.upsert(rule("excluded", "militant AND NOT police"));
        matcher.upsert(rule("kept", "militant NOT football"));

        assertThat(matchingRuleIds(ARREST)).containsExactly("kept");
    }

    @Test
    void phraseMatchesOnlyAdjacentWordsInOrder() throws Exception {
        matcher.upsert(rule("adjacent", "\"market bombing\""));
        matcher.upsert(rule("reversed", "\"bombing market\""));

        assertThat(matchingRuleIds(ARREST)).containsExactly("adjacent");
    }

    @Test
    void proximityMatchesWordsWithinTheDistance() throws Exception {
        // "police" and "militant" are three positions apart: Police arrested a militant
        matcher.upsert(rule("near", "\"police militant\"~3"));

        assertThat(matchingRuleIds(ARREST)).containsExactly("near");
    }

    @Test
    void proximityDoesNotMatchWordsBeyondTheDistance() throws Exception {
        matcher.upsert(rule("far", "\"police militant\"~1"));

        assertThat(matchingRuleIds(ARREST)).isEmpty();
    }

    @Test
    void fieldRestrictedQuerySearchesOnlyThatField() throws Exception {
        matcher.upsert(rule("in-title", "title:arrested"));
        matcher.upsert(rule("body-only-word", "title:extradition"));

        assertThat(matchingRuleIds(ARREST)).containsExactly("in-title");
    }

    @Test
    void defaultFieldsAreTitleAndBodyNotSource() throws Exception {
        matcher.upsert(rule("outlet", "daily"));

        assertThat(matchingRuleIds(ARREST)).isEmpty();
    }

    @Test
    void sourceFieldSearchesTheOutletName() throws Exception {
        matcher.upsert(rule("outlet", "source:\"the daily\""));

        assertThat(matchingRuleIds(ARREST)).containsExactly("outlet");
    }

    @Test
    void keywordsFieldSearchesThePublisherKeywords() throws Exception {
        EnrichedArticle tagged = article("Talks resume", "Negotiators met again.", "The Daily",
                List.of("Iran", "Nuclear deal"));
        matcher.upsert(rule("kw", "keywords:\"nuclear deal\""));
        matcher.upsert(rule("body-word", "keywords:negotiators"));

        assertThat(matchingRuleIds(tagged)).containsExactly("kw");
    }

    @Test
    void keywordPhraseDoesNotSpanTwoKeywords() throws Exception {
        EnrichedArticle tagged = article("Talks resume", "Negotiators met again.", "The Daily",
                List.of("Iran", "Nuclear deal"));
        matcher.upsert(rule("across", "keywords:\"iran nuclear\""));

        assertThat(matchingRuleIds(tagged)).isEmpty();
    }

    @Test
    void keywordMatchReportsTheKeywordAsMatchedTerm() throws Exception {
        EnrichedArticle tagged = article("Talks resume", "Negotiators met again.", "The Daily",
                List.of("Iran", "Nuclear deal"));

        KeywordAlert alert = onlyAlert("keywords:nuclear", tagged);

        assertThat(alert.getMatchedTerms()).containsExactly("nuclear");
    }

    private static final EnrichedArticle WITH_ENTITIES = article("Sanctions widened",
            "Ministers agreed new measures on Tuesday.", "The Daily", List.of("Trade"),
            List.of(new Entity("United States", EntityType.PLACE, 3, 0),
                    new Entity("Acme Shipping", EntityType.ORGANIZATION, 1, 40)));

    @Test
    void entitiesFieldSearchesTheEntityTexts() throws Exception {
        matcher.upsert(rule("us", "entities:\"united states\""));
        matcher.upsert(rule("acme", "entities:acme AND sanctions"));
        matcher.upsert(rule("body-word", "entities:ministers"));

        assertThat(matchingRuleIds(WITH_ENTITIES)).containsExactly("acme", "us");
    }

    @Test
    void entityPhraseDoesNotSpanTwoEntities() throws Exception {
        matcher.upsert(rule("across", "entities:\"states acme\""));

        assertThat(matchingRuleIds(WITH_ENTITIES)).isEmpty();
    }

    @Test
    void entitiesAreNotSearchedWithoutTheFieldName() throws Exception {
        matcher.upsert(rule("default-fields", "acme"));

        assertThat(matchingRuleIds(WITH_ENTITIES)).isEmpty();
    }

    @Test
    void entityMatchReportsTheEntityWordsAsMatchedTerms() throws Exception {
        KeywordAlert alert = onlyAlert("entities:\"united states\"", WITH_ENTITIES);

        assertThat(alert.getMatchedTerms()).containsExactly("united", "states");
        assertThat(alert.getSnippet()).isEqualTo("Ministers agreed new measures on Tuesday.");
    }

    @Test
    void wildcardMatchesWordsWithThePrefix() throws Exception {
        KeywordAlert alert = onlyAlert("extradit* AND militant", ARREST);

        assertThat(alert.getMatchedTerms()).containsExactly("militant", "extradition");
    }

    @Test
    void disabledRuleNeverMatches() throws Exception {
        AlertRule disabled = rule("off", "militant");
        disabled.setEnabled(false);
        matcher.upsert(disabled);

        assertThat(matcher.match(ARREST, NOW)).isEmpty();
    }

    @Test
    void disablingAnEnabledRuleStopsItsMatches() throws Exception {
        matcher.upsert(rule("r", "militant"));
        AlertRule disabled = rule("r", "militant");
        disabled.setEnabled(false);
        matcher.upsert(disabled);

        assertThat(matcher.match(ARREST, NOW)).isEmpty();
        assertThat(matcher.rules()).extracting(AlertRule::getEnabled).containsExactly(false);
    }

    @Test
    void upsertReplacesTheQueryOfARuleWithTheSameId() throws Exception {
        matcher.upsert(rule("r", "earthquake"));
        matcher.upsert(rule("r", "militant"));
        EnrichedArticle quake = article("Earthquake hits coast", "The earthquake struck at dawn.");

        assertThat(matchingRuleIds(ARREST)).containsExactly("r");
        assertThat(matchingRuleIds(quake)).isEmpty();
        assertThat(matcher.rules()).hasSize(1);
    }

    @Test
    void upsertOfAnInvalidRuleKeepsThePreviousVersion() throws Exception {
        matcher.upsert(rule("r", "militant"));

        assertThatThrownBy(() -> matcher.upsert(rule("r", "author:smith")))
                .isInstanceOf(InvalidRuleException.class);
        assertThat(matchingRuleIds(ARREST)).containsExactly("r");
    }

    @Test
    void removeStopsMatches() throws Exception {
        matcher.upsert(rule("r", "militant"));

        assertThat(matcher.remove("r")).isTrue();
        assertThat(matcher.match(ARREST, NOW)).isEmpty();
        assertThat(matcher.rules()).isEmpty();
    }

    @Test
    void removeOfAnUnknownRuleReturnsFalse() {
        assertThat(matcher.remove("nope")).isFalse();
    }

    @Test
    void rulesListsEnabledAndDisabledRulesById() throws Exception {
        AlertRule disabled = rule("b", "militant");
        disabled.setEnabled(false);
        matcher.upsert(disabled);
        matcher.upsert(rule("a", "bombing"));

        assertThat(matcher.rules()).extracting(AlertRule::getId).containsExactly("a", "b");
    }

    @Test
    void matchedTermsAreDistinctLowerCasedInOrderOfFirstAppearance() throws Exception {
        KeywordAlert alert = onlyAlert("bombing OR militant OR prosecutors OR earthquake", ARREST);

        // title first: "Militant ... bombing", then body: "Prosecutors"
        assertThat(alert.getMatchedTerms()).containsExactly("militant", "bombing", "prosecutors");
    }

    @Test
    void proximityMatchReportsTheQueryWordsNotTheWholeSpan() throws Exception {
        KeywordAlert alert = onlyAlert("\"police militant\"~3", ARREST);

        assertThat(alert.getMatchedTerms()).containsExactly("police", "militant");
        assertThat(alert.getSnippet()).contains("[[Police]] arrested a [[militant]]");
    }

    @Test
    void snippetWrapsEveryHitInDoubleBrackets() throws Exception {
        KeywordAlert alert = onlyAlert("(arrest* OR extradit*) AND (militant OR bombing)", ARREST);

        assertThat(alert.getSnippet()).isEqualTo(
                "Police [[arrested]] a [[militant]] on Tuesday. He is suspected of the market [[bombing]]. "
                        + "Prosecutors will seek his [[extradition]].");
    }

    @Test
    void snippetIsThePassageWithTheMostHits() throws Exception {
        String filler = "The weather was mild and the markets were calm for most of the week. ";
        EnrichedArticle longStory = article("Weekly roundup",
                filler.repeat(4) + "A militant was seen near the border.\n\n"
                        + filler.repeat(4) + "The militant cell planned a bombing, and a second bombing was foiled. "
                        + filler.repeat(4));

        KeywordAlert alert = onlyAlert("militant OR bombing", longStory);

        assertThat(alert.getSnippet())
                .contains("The [[militant]] cell planned a [[bombing]], and a second [[bombing]] was foiled.")
                .doesNotContain("border")
                .hasSizeLessThanOrEqualTo(Snippets.TARGET_CHARS + 20);
    }

    @Test
    void snippetCutsAnOverlongSentenceAroundTheHits() throws Exception {
        String words = "word ".repeat(100);
        EnrichedArticle story = article("Report", words + "then the militant spoke " + words + "end.");

        KeywordAlert alert = onlyAlert("militant", story);

        assertThat(alert.getSnippet()).startsWith("\u2026").endsWith("\u2026")
                .contains("then the [[militant]] spoke")
                .hasSizeLessThanOrEqualTo(Snippets.TARGET_CHARS + 10);
    }

    @Test
    void snippetUsesTheTitleWhenOnlyTheTitleMatched() throws Exception {
        KeywordAlert alert = onlyAlert("title:market", ARREST);

        assertThat(alert.getSnippet()).isEqualTo("Militant arrested after [[market]] bombing");
    }

    @Test
    void alertCopiesRuleAndArticleFields() throws Exception {
        AlertRule rule = rule("militants", "militant");
        rule.setVersion(7);
        rule.setSeverity(Severity.CRITICAL);
        matcher.upsert(rule);

        KeywordAlert alert = matcher.match(ARREST, NOW).get(0);

        assertThat(alert.getAlertId()).isEqualTo("militants:a1");
        assertThat(alert.getRuleId()).isEqualTo("militants");
        assertThat(alert.getRuleName()).isEqualTo("Rule militants");
        assertThat(alert.getRuleVersion()).isEqualTo(7);
        assertThat(alert.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.getArticleId()).isEqualTo("a1");
        assertThat(alert.getUrl()).isEqualTo("https://news.example/story");
        assertThat(alert.getTitle()).isEqualTo("Militant arrested after market bombing");
        assertThat(alert.getSource()).isEqualTo("The Daily");
        assertThat(alert.getPublishedAt()).isEqualTo(Fixtures.PUBLISHED);
        assertThat(alert.getCategories()).containsExactly("medtop:16000000", "medtop:11000000");
        assertThat(alert.getSentimentScore()).isEqualTo(-0.4);
        assertThat(alert.getDetectedAt()).isEqualTo(NOW);
        assertThat(alert.getOwner()).isEqualTo("desk");
        assertThat(alert.getStoryId()).isEqualTo("story-1");
    }

    @Test
    void alertIsANewAlertForOneOccurrence() throws Exception {
        // Grouping alerts per story (UPDATE, more occurrences) is the topology's job.
        KeywordAlert alert = onlyAlert("militant", ARREST);

        assertThat(alert.getKind()).isEqualTo(AlertKind.NEW);
        assertThat(alert.getOccurrences()).isEqualTo(1);
    }

    @Test
    void alertHasNoOwnerWhenTheRuleHasNone() throws Exception {
        AlertRule rule = rule("r", "militant");
        rule.setOwner(null);
        matcher.upsert(rule);

        assertThat(matcher.match(ARREST, NOW).get(0).getOwner()).isNull();
    }

    @Test
    void storedRuleKeepsItsFiltersWhenTheCallerChangesTheirLists() throws Exception {
        AlertRule rule = rule("r", "militant");
        List<String> languages = new ArrayList<>(List.of("fr"));
        rule.setLanguages(languages);
        matcher.upsert(rule);

        languages.set(0, "en");

        assertThat(matcher.match(ARREST, NOW)).isEmpty();
        assertThat(matcher.rules()).singleElement()
                .extracting(AlertRule::getLanguages).isEqualTo(List.of("fr"));
    }

    @Test
    void rulesReturnsCopiesThatCannotChangeTheStoredRule() throws Exception {
        AlertRule rule = rule("r", "militant");
        rule.setLanguages(List.of("en"));
        matcher.upsert(rule);

        matcher.rules().iterator().next().getLanguages().set(0, "fr");

        assertThat(matchingRuleIds(ARREST)).containsExactly("r");
    }

    @Test
    void ruleChangesWhileMatchingAreSafe() throws Exception {
        matcher.upsert(rule("stable", "militant"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> matchers = List.of(
                    pool.submit(() -> matchRepeatedly(500)),
                    pool.submit(() -> matchRepeatedly(500)),
                    pool.submit(() -> matchRepeatedly(500)));
            for (int i = 0; i < 100; i++) {
                matcher.upsert(rule("churn", i % 2 == 0 ? "bombing" : "earthquake"));
                matcher.remove("churn");
            }
            for (Future<?> f : matchers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void matchRepeatedly(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(matchingRuleIds(ARREST)).contains("stable");
        }
    }
}
