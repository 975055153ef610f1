package io.newsflow.streams.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RulesFileTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RulesFileTest.class.getResource("/rules/" + name), name).toURI());
    }

    @Test
    void loadsEveryRuleOfAGoodFile() throws Exception {
        List<AlertRule> rules = RulesFile.load(resource("good.yaml"));

        assertThat(rules).extracting(AlertRule::getId).containsExactly("militant-extradition", "eu.sanctions");
        AlertRule first = rules.get(0);
        assertThat(first.getName()).isEqualTo("Militant arrests and extraditions");
        assertThat(first.getQuery()).isEqualTo("(arrest* OR extradit*) AND (militant OR bombing)");
        assertThat(first.getOwner()).isEqualTo("security-desk");
        assertThat(first.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(first.getEnabled()).isFalse();
        assertThat(first.getVersion()).isEqualTo(3);
    }

    @Test
    void appliesDefaultsForOptionalKeys() throws Exception {
        AlertRule second = RulesFile.load(resource("good.yaml")).get(1);

        assertThat(second.getOwner()).isNull();
        assertThat(second.getSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(second.getEnabled()).isTrue();
        assertThat(second.getVersion()).isEqualTo(1);
    }

    @Test
    void refusesUnknownKeyNamingIt() {
        assertThatThrownBy(() -> RulesFile.load(resource("unknown-key.yaml")))
                .isInstanceOf(InvalidRuleException.class)
                .hasFieldOrPropertyWithValue("ruleId", "quakes")
                .hasMessageStartingWith("rule 'quakes': unknown key 'severty'");
    }

    @Test
    void refusesDuplicateId() {
        assertThatThrownBy(() -> RulesFile.load(resource("duplicate-id.yaml")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("rule 'quakes': duplicate id (rules[0] and rules[1])");
    }

    @Test
    void refusesARuleTheValidatorRefuses() {
        String yaml = "rules:\n  - id: bad\n    name: Bad\n    query: 'author:smith'\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("rule 'bad': unknown field 'author'");
    }

    @Test
    void refusesRuleWithoutIdNamingItsPosition() {
        String yaml = "rules:\n  - id: a\n    name: A\n    query: a\n  - name: B\n    query: b\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml)).hasMessage("rules[1] has no id");
    }

    @Test
    void refusesMissingQuery() {
        assertThatThrownBy(() -> RulesFile.parse("rules:\n  - id: a\n    name: A\n"))
                .hasMessage("rule 'a': missing required key 'query'");
    }

    @Test
    void refusesUnknownSeverity() {
        String yaml = "rules:\n  - id: a\n    name: A\n    query: a\n    severity: urgent\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml)).hasMessageContaining("severity 'urgent' is not one of");
    }

    @Test
    void refusesInvalidYamlWithItsPosition() {
        assertThatThrownBy(() -> RulesFile.parse("rules:\n  - id: [unclosed\n"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("rules file is not valid YAML at line");
    }

    @Test
    void refusesFileWithoutRulesList() {
        assertThatThrownBy(() -> RulesFile.parse("alerts: []\n"))
                .hasMessage("unknown top-level key 'alerts'; expected 'rules'");
    }

    @Test
    void acceptsAnEmptyRulesList() throws Exception {
        assertThat(RulesFile.parse("rules: []\n")).isEmpty();
    }

    @Test
    void readsFilters() throws Exception {
        String yaml = """
                rules:
                  - id: calm-politics
                    name: Calm politics
                    query: election
                    categories: [medtop:11000000, medtop:16000000]
                    languages: en
                    sources: [The Daily, harbour-courier]
                    min-abs-sentiment: 0.25
                """;

        AlertRule rule = RulesFile.parse(yaml).get(0);

        assertThat(rule.getCategories()).containsExactly("medtop:11000000", "medtop:16000000");
        assertThat(rule.getLanguages()).containsExactly("en");
        assertThat(rule.getSources()).containsExactly("The Daily", "harbour-courier");
        assertThat(rule.getMinAbsSentiment()).isEqualTo(0.25);
    }

    @Test
    void filtersDefaultToNone() throws Exception {
        AlertRule rule = RulesFile.parse("rules:\n  - id: a\n    name: A\n    query: a\n").get(0);

        assertThat(rule.getCategories()).isEmpty();
        assertThat(rule.getLanguages()).isEmpty();
        assertThat(rule.getSources()).isEmpty();
        assertThat(rule.getMinAbsSentiment()).isNull();
    }

    @Test
    void refusesAFilterTheValidatorRefuses() {
        String yaml = "rules:\n  - id: a\n    name: A\n    query: a\n    languages: [English]\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml))
                .hasMessageStartingWith("rule 'a': language 'English' is not a two-letter lower-case");
    }

    @Test
    void refusesNonNumericMinAbsSentiment() {
        String yaml = "rules:\n  - id: a\n    name: A\n    query: a\n    min-abs-sentiment: high\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml))
                .hasMessage("rule 'a': min-abs-sentiment must be a number between 0 and 1, not 'high'");
    }

    @Test
    void refusesNestedValuesInAFilterList() {
        String yaml = "rules:\n  - id: a\n    name: A\n    query: a\n    sources: [[x]]\n";

        assertThatThrownBy(() -> RulesFile.parse(yaml))
                .hasMessageStartingWith("rule 'a': sources must be a list of values");
    }
}
