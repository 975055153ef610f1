package io.newsflow.streams.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What a parsed query contains: its fields, its terms and patterns, and whether it is unbounded.
 * Validation uses the first three; the matcher uses {@link #termsByField()} to find the words inside
 * a phrase hit, because Lucene reports a phrase match as one span.
 */
final class QueryShape {

    private final Set<String> fields = new LinkedHashSet<>();
    private final Set<String> distinctTerms = new HashSet<>();
    private final Map<String, Set<String>> termsByField = new HashMap<>();
    private final List<Query> multiTermQueries = new ArrayList<>();

    private QueryShape() {}

    static QueryShape of(Query query) {
        QueryShape shape = new QueryShape();
        query.visit(shape.new Collector());
        return shape;
    }

    /** Field names the query searches, negated clauses included, in query order. */
    Set<String> fields() {
        return fields;
    }

    /** Number of distinct terms and patterns; a term searched in several fields counts once. */
    int termCount() {
        return distinctTerms.size();
    }

    /** The plain terms (not patterns) per field, as analysed. */
    Map<String, Set<String>> termsByField() {
        return termsByField;
    }

    /** {@link #termsByField()} as compact immutable collections, for keeping with a stored query. */
    Map<String, Set<String>> termsByFieldCopy() {
        Map<String, Set<String>> copy = new HashMap<>();
        termsByField.forEach((field, terms) -> copy.put(field, Set.copyOf(terms)));
        return Map.copyOf(copy);
    }

    /** Wildcard, prefix, fuzzy, range and regexp queries, one per field they search. */
    List<Query> multiTermQueries() {
        return multiTermQueries;
    }

    /**
     * True when the query would match (nearly) every article: match-all, an all-star wildcard, an
     * unbounded range, or a group whose required part is one of those. A purely negative group counts
     * as unbounded because its author means "everything except", even though Lucene matches nothing.
     */
    static boolean matchesEverything(Query query) {
        if (query instanceof MatchAllDocsQuery) {
            return true;
        } else if (query instanceof BoostQuery boost) {
            return matchesEverything(boost.getQuery());
        } else if (query instanceof ConstantScoreQuery constant) {
            return matchesEverything(constant.getQuery());
        } else if (query instanceof WildcardQuery wildcard) {
            return wildcard.getTerm().text().chars().allMatch(c -> c == '*');
        } else if (query instanceof PrefixQuery prefix) {
            return prefix.getPrefix().text().isEmpty();
        } else if (query instanceof TermRangeQuery range) {
            return range.getLowerTerm() == null && range.getUpperTerm() == null;
        } else if (query instanceof BooleanQuery bool) {
            return booleanMatchesEverything(bool);
        }
        return false;
    }

    private static boolean booleanMatchesEverything(BooleanQuery bool) {
        if (bool.clauses().isEmpty()) {
            return false;
        }
        List<Query> required = new ArrayList<>();
        List<Query> optional = new ArrayList<>();
        for (BooleanClause clause : bool) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> required.add(clause.getQuery());
                case SHOULD -> optional.add(clause.getQuery());
                case MUST_NOT -> { } // only subtracts from whatever the other clauses match
            }
        }
        if (!required.isEmpty()) {
            return required.stream().allMatch(QueryShape::matchesEverything);
        }
        if (optional.isEmpty()) {
            return true;
        }
        return bool.getMinimumNumberShouldMatch() <= 1
                && optional.stream().anyMatch(QueryShape::matchesEverything);
    }

    /**
     * True when a nested group holds only negated clauses, as in {@code a AND (NOT b)}: Lucene
     * matches nothing for such a group, so the whole rule would silently never fire.
     */
    static boolean hasNegativeOnlyGroup(Query query) {
        return negativeOnlyBelow(query, true);
    }

    private static boolean negativeOnlyBelow(Query query, boolean top) {
        if (query instanceof BoostQuery boost) {
            return negativeOnlyBelow(boost.getQuery(), top);
        }
        if (!(query instanceof BooleanQuery bool)) {
            return false;
        }
        boolean allNegative = !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT);
        if (allNegative && !top) {
            return true;
        }
        return bool.clauses().stream().anyMatch(c -> negativeOnlyBelow(c.getQuery(), false));
    }

    private final class Collector extends QueryVisitor {
        @Override
        public boolean acceptField(String field) {
            fields.add(field);
            return true;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term term : terms) {
                distinctTerms.add(term.text());
                termsByField.computeIfAbsent(term.field(), f -> new HashSet<>()).add(term.text());
            }
        }

        @Override
        public void consumeTermsMatching(
                Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            multiTermQueries.add(query);
            distinctTerms.add(query.toString(field));
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            // The default skips negated clauses; validation must see their fields and terms too.
            return this;
        }
    }
}
