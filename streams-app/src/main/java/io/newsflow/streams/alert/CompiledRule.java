package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import org.apache.lucene.search.Query;

/** A validated rule with its parsed query and the query's shape, parsed once at upsert. */
record CompiledRule(AlertRule rule, Query query, QueryShape shape) {

    /** Validates and parses a private copy of the rule (Avro records are mutable). */
    static CompiledRule compile(AlertRule rule) throws InvalidRuleException {
        AlertRule copy = copy(rule);
        Query query = RuleValidator.compile(copy);
        return new CompiledRule(copy, query, QueryShape.of(query));
    }

    /**
     * A field-by-field copy. Not {@code AlertRule.newBuilder(rule)}: Avro's deep copy looks the
     * Severity class up by name, which Avro 1.12 refuses unless the schema package is trusted.
     */
    static AlertRule copy(AlertRule rule) {
        return new AlertRule(rule.getId(), rule.getName(), rule.getQuery(), rule.getOwner(),
                rule.getSeverity(), rule.getEnabled(), rule.getVersion());
    }

    String id() {
        return rule.getId();
    }
}
