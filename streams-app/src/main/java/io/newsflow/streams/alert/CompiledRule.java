package io.newsflow.streams.alert;

import io.newsflow.schema.AlertRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A validated rule with its query and filters, made once at upsert. Kept small (one per stored rule):
 * the query's terms, needed only to highlight, are kept once per query by {@link QueryGroups}.
 *
 * @param matchQuery the query the Monitor runs: for a query without wildcards (or other patterns),
 *     the parsed query already rewritten to primitive queries, so matching an article skips a rewrite
 *     per candidate (a fifth of the matching time at 100,000 rules); a query with patterns must be
 *     rewritten against each article's terms, so it is kept as parsed
 * @param needsRewrite whether {@code matchQuery} must be rewritten against the article before it runs
 */
record CompiledRule(AlertRule rule, Query matchQuery, boolean needsRewrite, RuleFilter filter) {

    /**
     * Rewrites without an index: Boolean, term and phrase queries rewrite the same whatever the
     * reader; pattern queries would wrongly rewrite to "no match" against an empty one.
     */
    private static final IndexSearcher NO_INDEX = emptySearcher();

    /** Validates and parses a private copy of the rule (Avro records are mutable). */
    static CompiledRule compile(AlertRule rule) throws InvalidRuleException {
        AlertRule copy = copy(rule);
        Query query = RuleValidator.compile(copy);
        boolean patterns = !QueryShape.of(query).multiTermQueries().isEmpty();
        Query matchQuery = patterns ? query : rewritten(query);
        return new CompiledRule(copy, matchQuery, patterns, RuleFilter.of(copy));
    }

    private static IndexSearcher emptySearcher() {
        try {
            return new IndexSearcher(new MultiReader());
        } catch (IOException e) {
            throw new UncheckedIOException("opening an empty reader cannot fail", e);
        }
    }

    private static Query rewritten(Query query) {
        try {
            return NO_INDEX.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException("rewriting without an index cannot fail", e);
        }
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

    /** This rule with an equal query object (one kept already), so that equal queries are stored once. */
    CompiledRule withMatchQuery(Query equal) {
        return new CompiledRule(rule, equal, needsRewrite, filter);
    }

    String id() {
        return rule.getId();
    }
}
