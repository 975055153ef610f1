package io.newsflow.streams.alert;

import static io.newsflow.streams.alert.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleValidatorTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(AlertRule rule) {
        return assertThatThrownBy(() -> RuleValidator.validate(rule))
                .isInstanceOf(InvalidRuleException.class)
                .hasFieldOrPropertyWithValue("ruleId", rule.getId());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(String query) {
        return refusing(rule("r1", query));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(arrest* OR extradit*) AND (militant OR bombing)",
        "\"central bank\"~5 AND title:rates^2",
        "keywords:iran OR source:reuters",
        "elect?on NOT sport"
    })
    void acceptsWellFormedQueries(String query) {
        assertThatCode(() -> RuleValidator.validate(rule("ok.rule_1-a", query))).doesNotThrowAnyException();
    }

    @Test
    void refusesRuleWithoutId() {
        AlertRule rule = new AlertRule(null, "No id", "militant", null, Severity.LOW, true, 1,
                List.of(), List.of(), List.of(), null);

        refusing(rule).hasMessage("rule has no id");
    }

    @Test
    void refusesIdWithCharactersOutsideTheAllowedSet() {
        refusing(rule("bad id!", "militant"))
                .hasMessage("rule 'bad id!': id must be 1 to 64 characters, each a letter, digit, '.', '_' or '-'");
    }

    @Test
    void refusesIdLongerThan64Characters() {
        refusing(rule("x".repeat(65), "militant")).hasMessageContaining("1 to 64 characters");
    }

    @Test
    void refusesBlankName() {
        AlertRule rule = rule("r1", "militant");
        rule.setName("  ");

        refusing(rule).hasMessage("rule 'r1': name is blank");
    }

    @Test
    void refusesBlankQuery() {
        refusing(" ").hasMessage("rule 'r1': query is blank");
    }

    @Test
    void refusesQueryLongerThan2000Characters() {
        refusing("militant OR " + "a".repeat(2000))
                .hasMessage("rule 'r1': query is 2012 characters long; the limit is 2000");
    }

    @Test
    void refusesSyntaxErrorWithTheParsersPosition() {
        refusing("(militant AND")
                .hasMessageStartingWith("rule 'r1': syntax error in query: Encountered \"<EOF>\" at line 1, column 13.")
                .hasMessageNotContaining("Was expecting");
    }

    @Test
    void refusesUnbalancedQuote() {
        refusing("\"central bank").hasMessageContaining("syntax error in query").hasMessageContaining("column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*foo", "?foo", "militant AND title:*bomb"})
    void refusesLeadingWildcard(String query) {
        refusing(query).hasMessageContaining("leading wildcard").hasMessageContaining("scans every term");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*:*", "title:*", "NOT sport", "* AND NOT sport", "militant OR *"})
    void refusesQueryThatMatchesEverything(String query) {
        refusing(query).hasMessageContaining("would match every article");
    }

    @Test
    void refusesUnknownField() {
        refusing("militant AND author:smith")
                .hasMessage("rule 'r1': unknown field 'author'; use title, body, source, keywords or entities");
    }

    @Test
    void refusesUnknownFieldInsideNegatedClause() {
        refusing("militant NOT Title:sport").hasMessageContaining("unknown field 'Title'");
    }

    @Test
    void refusesNegativeOnlyGroupBecauseItMatchesNothing() {
        refusing("militant AND (NOT sport)").hasMessageContaining("only NOT clauses matches nothing");
    }

    @Test
    void refusesRegularExpressions() {
        refusing("/bomb.*/").hasMessageContaining("regular expressions");
    }

    @Test
    void refusesMoreThan200Terms() {
        StringBuilder query = new StringBuilder("w0");
        for (int i = 1; i <= 200; i++) {
            query.append(" OR w").append(i);
        }

        refusing(query.toString()).hasMessageContaining("too many terms (201 terms; the limit is 200)");
    }

    @Test
    void countsATermSearchedInTitleAndBodyOnce() {
        StringBuilder query = new StringBuilder("w1");
        for (int i = 2; i <= 200; i++) {
            query.append(" OR w").append(i);
        }

        assertThatCode(() -> RuleValidator.validate(rule("r1", query.toString()))).doesNotThrowAnyException();
    }

    @Test
    void acceptsTheEntitiesField() {
        assertThatCode(() -> RuleValidator.validate(rule("r1", "entities:\"United States\" AND sanctions")))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsWellFormedFilters() {
        AlertRule rule = rule("r1", "militant");
        rule.setCategories(List.of("medtop:16000000", "medtop:11000000"));
        rule.setLanguages(List.of("en", "fr"));
        rule.setSources(List.of("The Daily", "harbour-courier"));
        rule.setMinAbsSentiment(0.0);

        assertThatCode(() -> RuleValidator.validate(rule)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"politics", "medtop:1100000", "medtop:110000000", "MEDTOP:11000000", "iptc:11000000"})
    void refusesCategoryThatIsNotAMediaTopicCode(String code) {
        AlertRule rule = rule("r1", "militant");
        rule.setCategories(List.of("medtop:16000000", code));

        refusing(rule).hasMessage("rule 'r1': category '" + code
                + "' is not an IPTC Media Topic code such as medtop:11000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EN", "eng", "e", "en-GB", "e1"})
    void refusesLanguageThatIsNotTwoLowerCaseLetters(String language) {
        AlertRule rule = rule("r1", "militant");
        rule.setLanguages(List.of(language));

        refusing(rule).hasMessageContaining("language '" + language + "' is not a two-letter lower-case");
    }

    @Test
    void refusesBlankSource() {
        AlertRule rule = rule("r1", "militant");
        rule.setSources(List.of("The Daily", " "));

        refusing(rule).hasMessage("rule 'r1': sources has a blank entry");
    }

    @Test
    void refusesMoreThan50EntriesInAFilterList() {
        AlertRule rule = rule("r1", "militant");
        rule.setSources(java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "outlet-" + i).toList());

        refusing(rule).hasMessage("rule 'r1': sources has 51 entries; the limit is 50");
    }

    @Test
    void accepts50EntriesInAFilterList() {
        AlertRule rule = rule("r1", "militant");
        rule.setSources(java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "outlet-" + i).toList());

        assertThatCode(() -> RuleValidator.validate(rule)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesMinAbsSentimentOutsideZeroToOne(double min) {
        AlertRule rule = rule("r1", "militant");
        rule.setMinAbsSentiment(min);

        refusing(rule).hasMessageContaining("minAbsSentiment must be between 0 and 1");
    }

    @Test
    void treatsMissingFilterListsAsNoFilter() {
        AlertRule rule = rule("r1", "militant");
        rule.setCategories(null);
        rule.setLanguages(null);
        rule.setSources(null);

        assertThatCode(() -> RuleValidator.validate(rule)).doesNotThrowAnyException();
    }
}
