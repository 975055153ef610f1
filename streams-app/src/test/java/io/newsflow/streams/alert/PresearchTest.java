package io.newsflow.streams.alert;

import static io.newsflow.streams.alert.Fixtures.NOW;
import static io.newsflow.streams.alert.Fixtures.article;
import static io.newsflow.streams.alert.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.memory.MemoryIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The presearchers select every rule that can match (nothing is lost to filtering), wildcard rules
 * included, and {@link AlertMatcher#upsertAll} stores rules in bulk.
 */
class PresearchTest {

    private static final EnrichedArticle ARTICLE = article(
            "Election officials extradited after market bombing",
            "Police arrested a militant on Tuesday. He is suspected of the market bombing. "
                    + "Prosecutors will seek his extradition from the neighbouring state.");

    /** Rules of every shape, some matching the article and some not. */
    private static final List<String> QUERIES = List.of(
            "militant", "earthquake", "\"market bombing\"", "\"bombing market\"",
            "\"police militant\"~3", "\"police militant\"~1", "(arrest* OR flood) AND prosecutors",
            "(earthquake OR flood) AND prosecutors", "militant AND NOT police", "militant NOT football",
            "title:extradited", "title:prosecutors", "extradit*", "earthq*", "title:bomb*", "body:elect*",
            "elect?on", "extraditions*", "neighbouring*", "neighbourhood*", "source:daily",
            "keywords:iran", "pol* AND \"market bombing\"~2", "sus*ted");

    private static List<String> matchingIds(AlertMatcher matcher, EnrichedArticle article) {
        return matcher.match(article, NOW).stream().map(KeywordAlert::getRuleId).toList();
    }

    @ParameterizedTest
    @EnumSource(AlertMatcher.Presearch.class)
    void selectsEveryRuleABruteForceRunMatches(AlertMatcher.Presearch presearch) throws Exception {
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < QUERIES.size(); i++) {
            rules.add(rule("q" + (100 + i), QUERIES.get(i)));
        }
        Set<String> expected = new TreeSet<>();
        MemoryIndex index = MemoryIndex.fromDocument(QueryLanguage.document(ARTICLE), QueryLanguage.analyzer(),
                true, false);
        for (AlertRule rule : rules) {
            if (index.search(RuleValidator.compile(rule)) > 0) {
                expected.add(rule.getId());
            }
        }

        try (AlertMatcher matcher = new AlertMatcher(presearch)) {
            matcher.upsertAll(rules);

            assertThat(expected).hasSizeGreaterThan(10);
            assertThat(matchingIds(matcher, ARTICLE)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(AlertMatcher.Presearch.class)
    void wildcardRuleRunsOnlyForArticlesWithItsPrefix(AlertMatcher.Presearch presearch) throws Exception {
        EnrichedArticle other = article("Harbour regatta", "Sailors raced in calm weather.");
        try (AlertMatcher matcher = new AlertMatcher(presearch)) {
            matcher.upsert(rule("r", "extradit*"));

            matcher.match(other, NOW);
            assertThat(matcher.stats().candidates()).isZero();
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("r");
        }
    }

    @ParameterizedTest
    @EnumSource(AlertMatcher.Presearch.class)
    void shortWildcardWorksOnAnArticleWithManyLongWords(AlertMatcher.Presearch presearch) throws Exception {
        // Regression: every word offers "wo*" (kept) and then five longer prefixes (dropped); the
        // presearcher's token filter used to add their position increments up until they overflowed.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append("wordy").append(Integer.toString(1296 + i, 36)).append(i % 12 == 11 ? ". " : " ");
        }
        EnrichedArticle longArticle = article("Long read", body.toString());
        try (AlertMatcher matcher = new AlertMatcher(presearch)) {
            matcher.upsertAll(List.of(rule("short", "wo*"), rule("none", "nomatch*")));

            assertThat(matchingIds(matcher, longArticle)).containsExactly("short");
        }
    }

    @ParameterizedTest
    @EnumSource(AlertMatcher.Presearch.class)
    void wildcardRulesAddedLaterWithOtherPrefixLengthsStillMatch(AlertMatcher.Presearch presearch) throws Exception {
        // Article terms are offered only at prefix lengths rules use; each new length must take effect.
        try (AlertMatcher matcher = new AlertMatcher(presearch)) {
            matcher.upsert(rule("five", "elect*"));
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("five");

            matcher.upsert(rule("three", "sus*ted"));
            matcher.upsert(rule("long", "extraditions*"));
            matcher.upsert(rule("word", "arrested*"));
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("five", "three", "word");

            matcher.remove("five");
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("three", "word");
        }
    }

    @Test
    void multipassRunsAPhraseRuleOnlyForArticlesWithBothWords() throws Exception {
        // "bombing" is the longer word, so the single-pass presearcher indexes the phrase under it.
        EnrichedArticle oneWord = article("Bombing suspect held", "The bombing was condemned.");
        try (AlertMatcher terms = new AlertMatcher(AlertMatcher.Presearch.TERMS);
                AlertMatcher multipass = new AlertMatcher(AlertMatcher.Presearch.MULTIPASS)) {
            terms.upsert(rule("r", "\"market bombing\""));
            multipass.upsert(rule("r", "\"market bombing\""));

            assertThat(matchingIds(terms, oneWord)).isEmpty();
            assertThat(matchingIds(multipass, oneWord)).isEmpty();
            assertThat(terms.stats().candidates()).isPositive();
            assertThat(multipass.stats().candidates()).isZero();
        }
    }

    @Test
    void upsertAllStoresEveryRule() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "bombing"), rule("c", "earthquake")));

            assertThat(matcher.size()).isEqualTo(3);
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("a", "b");
        }
    }

    @Test
    void upsertAllKeepsTheLaterOfTwoRulesWithOneId() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "earthquake"), rule("a", "militant")));

            assertThat(matcher.rules()).extracting(AlertRule::getQuery).containsExactly("militant");
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("a");
        }
    }

    @Test
    void upsertAllStoresNothingWhenOneRuleIsInvalid() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsert(rule("a", "earthquake"));

            assertThatThrownBy(() -> matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "author:x"))))
                    .isInstanceOf(InvalidRuleException.class)
                    .hasFieldOrPropertyWithValue("ruleId", "b");
            assertThat(matcher.rules()).extracting(AlertRule::getQuery).containsExactly("earthquake");
        }
    }

    @Test
    void upsertAllDisablesRules() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "bombing")));
            AlertRule off = rule("a", "militant");
            off.setEnabled(false);

            matcher.upsertAll(List.of(off));

            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("b");
            assertThat(matcher.size()).isEqualTo(2);
        }
    }

    @Test
    void rulesWithEqualQueriesShareOneMonitorQuery() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "Militant"), rule("c", "militant  "),
                    rule("d", "bombing")));

            assertThat(matcher.distinctQueries()).isEqualTo(2);
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void removingOneRuleOfASharedQueryKeepsTheOthers() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "militant")));

            matcher.remove("a");
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("b");
            assertThat(matcher.distinctQueries()).isEqualTo(1);

            matcher.remove("b");
            assertThat(matchingIds(matcher, ARTICLE)).isEmpty();
            assertThat(matcher.distinctQueries()).isZero();
        }
    }

    @Test
    void changingTheQueryOfASharedRuleMovesItToItsNewQuery() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "militant")));

            matcher.upsert(rule("a", "earthquake"));

            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("b");
            assertThat(matcher.distinctQueries()).isEqualTo(2);
        }
    }

    @Test
    void disablingOneRuleOfASharedQueryKeepsTheOthers() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsertAll(List.of(rule("a", "militant"), rule("b", "militant")));
            AlertRule off = rule("a", "militant");
            off.setEnabled(false);

            matcher.upsert(off);

            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("b");
            matcher.upsert(rule("a", "militant"));
            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("a", "b");
            assertThat(matcher.distinctQueries()).isEqualTo(1);
        }
    }

    @Test
    void reUpsertingTheSameRuleKeepsItsQuery() throws Exception {
        try (AlertMatcher matcher = new AlertMatcher()) {
            matcher.upsert(rule("a", "militant"));
            matcher.upsert(rule("a", "militant"));

            assertThat(matchingIds(matcher, ARTICLE)).containsExactly("a");
            assertThat(matcher.distinctQueries()).isEqualTo(1);
        }
    }

    @Test
    void literalPrefixStopsAtTheFirstWildcardOrEscape() {
        assertThat(PrefixPresearch.literalPrefix("extradit*")).isEqualTo("extradit");
        assertThat(PrefixPresearch.literalPrefix("elect?on")).isEqualTo("elect");
        assertThat(PrefixPresearch.literalPrefix("a\\*b*")).isEqualTo("a");
        assertThat(PrefixPresearch.literalPrefix("*x")).isEmpty();
    }

    @Test
    void longPrefixesAreCutWithoutSplittingASurrogatePair() {
        assertThat(PrefixPresearch.cut("extraditions")).isEqualTo("extradit");
        assertThat(PrefixPresearch.cut("abcdefg\uD83D\uDE00x")).isEqualTo("abcdefg");
        assertThat(PrefixPresearch.cut("short")).isEqualTo("short");
    }
}
