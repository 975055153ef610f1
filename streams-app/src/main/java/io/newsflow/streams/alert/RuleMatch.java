package io.newsflow.streams.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * One rule matching the article, with where it matched: the Monitor's candidate matcher output.
 *
 * <p>Like Lucene's {@code HighlightsMatch}, but built by {@link Matcher}, which first asks whether the
 * rule's filters accept the article and runs the query only if they do, so a rule filtered out by
 * language or category costs a map lookup instead of a query run.
 */
final class RuleMatch extends QueryMatch {

    /** A matched span: positions [startPosition, endPosition] and characters [startOffset, endOffset). */
    record Hit(int startPosition, int endPosition, int startOffset, int endOffset) {}

    private final Map<String, List<Hit>> hits;

    private RuleMatch(String ruleId, Map<String, List<Hit>> hits) {
        super(ruleId);
        this.hits = hits;
    }

    List<Hit> hits(String field) {
        return hits.getOrDefault(field, List.of());
    }

    private static RuleMatch of(String ruleId, Matches matches) throws IOException {
        Map<String, List<Hit>> hits = new HashMap<>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            List<Hit> list = hits.computeIfAbsent(field, f -> new ArrayList<>());
            while (it.next()) {
                // A phrase reports its words as sub-matches; report those rather than the whole span.
                MatchesIterator sub = it.getSubMatches();
                if (sub == null) {
                    list.add(new Hit(it.startPosition(), it.endPosition(), it.startOffset(), it.endOffset()));
                } else {
                    while (sub.next()) {
                        list.add(new Hit(sub.startPosition(), sub.endPosition(), sub.startOffset(),
                                sub.endOffset()));
                    }
                }
            }
        }
        return new RuleMatch(ruleId, hits);
    }

    private static RuleMatch merge(RuleMatch a, RuleMatch b) {
        Map<String, List<Hit>> hits = new HashMap<>();
        for (RuleMatch m : List.of(a, b)) {
            m.hits.forEach((field, list) -> hits.computeIfAbsent(field, f -> new ArrayList<>()).addAll(list));
        }
        return new RuleMatch(a.getQueryId(), hits);
    }

    /**
     * Runs the candidate rules the presearcher picked for one article. Not thread-safe: the Monitor
     * creates one per match call.
     */
    static final class Matcher extends CandidateMatcher<RuleMatch> {

        private final Predicate<String> accepts;
        private int candidates;
        private int filteredOut;

        /**
         * @param accepts whether a rule id is stored, enabled and its filters pass for this article;
         *     the query of a rule it refuses is not run
         */
        Matcher(IndexSearcher searcher, Predicate<String> accepts) {
            super(searcher);
            // The searcher holds one in-memory document and lives for one match: caching a query's
            // matches there can never pay off, and the default cache's usage tracking is
            // synchronized, which would serialise concurrent match calls.
            searcher.setQueryCache(null);
            this.accepts = accepts;
        }

        @Override
        protected void matchQuery(String ruleId, Query query, Map<String, String> metadata) throws IOException {
            candidates++;
            if (!accepts.test(ruleId)) {
                filteredOut++;
                return;
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    Matches matches = weight.matches(leaf, doc);
                    if (matches != null) {
                        addMatch(RuleMatch.of(ruleId, matches), doc);
                    }
                }
            }
        }

        @Override
        public RuleMatch resolve(RuleMatch a, RuleMatch b) {
            return merge(a, b);
        }

        /** Decomposed rule parts the presearcher selected (a rule split at OR counts once per part). */
        int candidates() {
            return candidates;
        }

        /** Of {@link #candidates()}, those not run because the rule's filters refused the article. */
        int filteredOut() {
            return filteredOut;
        }
    }
}
