package io.newsflow.streams.alert;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads alert rules from YAML, validating every rule before returning any.
 *
 * <p>Format:
 * <pre>{@code
 * rules:
 *   - id: militant-extradition          # required: letters, digits, '.', '_', '-'; at most 64
 *     name: Militant arrests and extraditions   # required
 *     query: '(arrest* OR extradit*) AND (militant OR bombing)'   # required, Lucene classic syntax
 *     owner: security-desk              # optional, default none
 *     severity: HIGH                    # optional: LOW, MEDIUM (default), HIGH, CRITICAL
 *     enabled: true                     # optional, default true
 *     version: 1                        # optional, default 1
 *     categories: [medtop:16000000]     # optional filters, default none: IPTC codes,
 *     languages: [en, fr]               #   ISO 639-1 codes,
 *     sources: [The Harbour Courier]    #   outlet names or source ids,
 *     min-abs-sentiment: 0.3            #   minimum |sentiment score| (0 to 1)
 * }</pre>
 * A filter list may also be a single value ({@code languages: en}).
 * Quote queries that contain {@code :}, {@code #} or start with a quote. Unknown keys, duplicate
 * keys and duplicate ids are errors, as is anything {@link RuleValidator} refuses; each error is an
 * {@link InvalidRuleException} naming the rule (or its position {@code rules[i]} when it has no id).
 *
 * <p>Stateless and thread-safe.
 */
public final class RulesFile {

    private static final Set<String> KEYS = Set.of("id", "name", "query", "owner", "severity", "enabled",
            "version", "categories", "languages", "sources", "min-abs-sentiment");
    private static final String KEY_LIST = "id, name, query, owner, severity, enabled, version,"
            + " categories, languages, sources, min-abs-sentiment";
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private RulesFile() {}

    /** Reads and parses a UTF-8 rules file. */
    public static List<AlertRule> load(Path yaml) throws IOException, InvalidRuleException {
        return parse(Files.readString(yaml, StandardCharsets.UTF_8));
    }

    /** Parses rules from YAML text; see the class comment for the format. */
    public static List<AlertRule> parse(String yaml) throws InvalidRuleException {
        JsonNode list = rulesList(readTree(yaml));
        List<AlertRule> rules = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            AlertRule rule = toRule(list.get(i), "rules[" + i + "]");
            Integer earlier = positions.putIfAbsent(rule.getId(), i);
            if (earlier != null) {
                throw new InvalidRuleException(rule.getId(),
                        "duplicate id (rules[" + earlier + "] and rules[" + i + "])");
            }
            RuleValidator.validate(rule);
            rules.add(rule);
        }
        return List.copyOf(rules);
    }

    private static JsonNode readTree(String yaml) throws InvalidRuleException {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new InvalidRuleException(null, "rules file is not valid YAML" + where + ": " + why);
        }
    }

    private static JsonNode rulesList(JsonNode root) throws InvalidRuleException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidRuleException(null, "rules file is empty; expected a top-level 'rules' list");
        }
        if (!root.isObject()) {
            throw new InvalidRuleException(null, "rules file must be a mapping with a top-level 'rules' list");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("rules")) {
                throw new InvalidRuleException(null, "unknown top-level key '" + name + "'; expected 'rules'");
            }
        }
        JsonNode list = root.get("rules");
        if (list == null) {
            throw new InvalidRuleException(null, "rules file has no top-level 'rules' list");
        }
        if (list.isNull()) {
            return YAML.createArrayNode(); // "rules:" with nothing under it: no rules
        }
        if (!list.isArray()) {
            throw new InvalidRuleException(null, "'rules' must be a list of rules");
        }
        return list;
    }

    private static AlertRule toRule(JsonNode node, String position) throws InvalidRuleException {
        if (!node.isObject()) {
            throw new InvalidRuleException(null, position + " must be a mapping of id, name, query, ...");
        }
        String id = scalar(node, "id");
        if (id == null) {
            throw new InvalidRuleException(null, position + " has no id");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new InvalidRuleException(id, "unknown key '" + key + "'; allowed keys: " + KEY_LIST);
            }
        }
        return AlertRule.newBuilder()
                .setId(id)
                .setName(required(node, "name", id))
                .setQuery(required(node, "query", id))
                .setOwner(scalar(node, "owner"))
                .setSeverity(severity(node, id))
                .setEnabled(enabled(node, id))
                .setVersion(version(node, id))
                .setCategories(list(node, "categories", id))
                .setLanguages(list(node, "languages", id))
                .setSources(list(node, "sources", id))
                .setMinAbsSentiment(minAbsSentiment(node, id))
                .build();
    }

    /** A text value; numbers are accepted as text because YAML reads {@code id: 42} as a number. */
    private static String scalar(JsonNode rule, String key) {
        JsonNode value = rule.get(key);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String required(JsonNode rule, String key, String id) throws InvalidRuleException {
        String value = scalar(rule, key);
        if (value == null) {
            throw new InvalidRuleException(id, "missing required key '" + key + "'");
        }
        return value;
    }

    private static Severity severity(JsonNode rule, String id) throws InvalidRuleException {
        String value = scalar(rule, "severity");
        if (value == null) {
            return Severity.MEDIUM;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleException(id,
                    "severity '" + value + "' is not one of LOW, MEDIUM, HIGH, CRITICAL");
        }
    }

    private static boolean enabled(JsonNode rule, String id) throws InvalidRuleException {
        JsonNode value = rule.get("enabled");
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw new InvalidRuleException(id, "enabled must be true or false, not '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    private static int version(JsonNode rule, String id) throws InvalidRuleException {
        JsonNode value = rule.get("version");
        if (value == null || value.isNull()) {
            return 1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new InvalidRuleException(id, "version must be a whole number of at least 1, not '"
                    + value.asText() + "'");
        }
        return value.intValue();
    }

    /** A list of text values; a single value counts as a one-element list, a missing key as empty. */
    private static List<String> list(JsonNode rule, String key, String id) throws InvalidRuleException {
        JsonNode value = rule.get(key);
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isValueNode()) {
            values.add(value.asText());
            return values;
        }
        if (!value.isArray()) {
            throw new InvalidRuleException(id, key + " must be a list of values, e.g. " + key + ": [a, b]");
        }
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                throw new InvalidRuleException(id, key + " must be a list of values, e.g. " + key + ": [a, b]");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static Double minAbsSentiment(JsonNode rule, String id) throws InvalidRuleException {
        JsonNode value = rule.get("min-abs-sentiment");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidRuleException(id, "min-abs-sentiment must be a number between 0 and 1, not '"
                    + value.asText() + "'");
        }
        return value.doubleValue(); // the range is RuleValidator's to check, with the other filters
    }
}
