package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;

/** A validated rule with its parsed query, the query's shape and its filters, made once at upsert. */
record CompiledRule(AlertRule rule, Query query, QueryShape shape, RuleFilter filter) {

    /** Validates and parses a private copy of the rule (Avro records are mutable). */
    static CompiledRule compile(AlertRule rule) throws InvalidRuleException {
        AlertRule copy = copy(rule);
        Query query = RuleValidator.compile(copy);
        return new CompiledRule(copy, query, QueryShape.of(query), RuleFilter.of(copy));
    }

    /**
     * A field-by-field copy, lists included, so a caller changing its record (or a list in it) after
     * an upsert cannot change the stored rule. Not {@code AlertRule.newBuilder(rule)}: Avro's deep copy
     * looks the Severity class up by name, which Avro 1.12 refuses unless
     * {@code io.newsflow.schemas.AvroTrust.register()} ran first, and this class cannot assume it did.
     */
    static AlertRule copy(AlertRule rule) {
        return new AlertRule(rule.getId(), rule.getName(), rule.getQuery(), rule.getOwner(),
                rule.getSeverity(), rule.getEnabled(), rule.getVersion(), copy(rule.getCategories()),
                copy(rule.getLanguages()), copy(rule.getSources()), rule.getMinAbsSentiment());
    }

    private static List<String> copy(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    String id() {
        return rule.getId();
    }
}
