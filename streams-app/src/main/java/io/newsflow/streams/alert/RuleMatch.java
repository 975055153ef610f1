package io.newsflow.streams.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * One query (of one or more rules) matching the article, with where it matched: the Monitor's
 * candidate matcher output.
 *
 * <p>Like Lucene's {@code HighlightsMatch}, but built by {@link Matcher}, which first asks whether the
 * filters of a rule with the query accept the article and runs the query only if one does, so a rule
 * filtered out by language or category costs a map lookup instead of a query run.
 */
final class RuleMatch extends QueryMatch {

    /** A matched span: positions [startPosition, endPosition] and characters [startOffset, endOffset). */
    record Hit(int startPosition, int endPosition, int startOffset, int endOffset) {}

    private final Map<String, List<Hit>> hits;

    private RuleMatch(String queryId, Map<String, List<Hit>> hits) {
        super(queryId);
        this.hits = hits;
    }

    List<Hit> hits(String field) {
        return hits.getOrDefault(field, List.of());
    }

    private static RuleMatch of(String queryId, Matches matches) throws IOException {
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
        return new RuleMatch(queryId, hits);
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

        private final Function<String, QueryGroups.Group> accepted;
        private int candidates;
        private int filteredOut;

        /**
         * @param accepted the query group of a Monitor query id when the filters of one of its rules
         *     accept this article, else null; a query it refuses is not run
         */
        Matcher(IndexSearcher searcher, Function<String, QueryGroups.Group> accepted) {
            super(searcher);
            // The searcher holds one in-memory document and lives for one match: caching a query's
            // matches there can never pay off, while Lucene's default cache would wrap every weight
            // and count each query's uses under a lock shared by all searchers.
            searcher.setQueryCache(null);
            this.accepted = accepted;
        }

        @Override
        protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            candidates++;
            QueryGroups.Group group = accepted.apply(queryId);
            if (group == null) {
                filteredOut++;
                return;
            }
            // Queries without patterns were rewritten once, at upsert (see CompiledRule).
            Query runnable = group.needsRewrite() ? searcher.rewrite(query) : query;
            Weight weight = searcher.createWeight(runnable, ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    Matches matches = weight.matches(leaf, doc);
                    if (matches != null) {
                        addMatch(RuleMatch.of(queryId, matches), doc);
                    }
                }
            }
        }

        @Override
        public RuleMatch resolve(RuleMatch a, RuleMatch b) {
            return merge(a, b);
        }

        /** Query parts the presearcher selected (a query split at a top-level OR counts once per part). */
        int candidates() {
            return candidates;
        }

        /** Of {@link #candidates()}, those not run because no rule's filters accepted the article. */
        int filteredOut() {
            return filteredOut;
        }
    }
}
