package io.newsflow.streams.alert;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lets the Monitor's presearcher select wildcard rules ({@code extradit*}, {@code elect?on}) by their
 * literal prefix instead of running them against every article.
 *
 * <p>Without it, the presearcher cannot extract a term from a wildcard and indexes the rule under
 * "any token", so every such rule is run (and its automaton rewritten against the article's terms)
 * for every article. Here the rule is indexed under its literal prefix plus {@value #MARK}
 * ({@code extradit*}), and each term of an article is also offered to the presearcher as each of its
 * prefixes plus {@value #MARK} ({@code e*}, {@code ex*}, ... ). A term the wildcard matches always
 * starts with the literal prefix, so no match is lost; prefixes longer than {@value #MAX_PREFIX}
 * characters are cut to that length on both sides, which only selects a few more candidates.
 * {@value #MARK} cannot occur inside a token of the standard tokenizer, so a marked prefix never
 * collides with a real word.
 *
 * <p>An article's term is offered only at the prefix lengths some rule has used: the handler
 * remembers each length it indexed (never forgetting one, so a removed rule at worst costs a few
 * lookups), which with typical rules cuts eight lookups per term to two or three.
 */
final class PrefixPresearch implements CustomQueryHandler {

    static final String MARK = "*";
    static final int MAX_PREFIX = 8;

    /** Bit {@code n} is set once a rule has been indexed under a prefix of {@code n} characters. */
    private final AtomicInteger prefixLengths = new AtomicInteger();

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        Term term;
        String prefix;
        if (query instanceof WildcardQuery wildcard) {
            term = wildcard.getTerm();
            prefix = literalPrefix(term.text());
        } else if (query instanceof PrefixQuery prefixQuery) {
            term = prefixQuery.getPrefix();
            prefix = term.text();
        } else {
            return null;
        }
        prefix = cut(prefix);
        if (prefix.isEmpty()) {
            return null; // the presearcher falls back to "any token": the rule runs for every article
        }
        int length = prefix.length();
        prefixLengths.getAndUpdate(bits -> bits | 1 << length);
        double weight = weightor.applyAsDouble(new Term(term.field(), prefix));
        return QueryTree.term(term.field(), new BytesRef(prefix + MARK), weight);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return new WithPrefixes(in, prefixLengths.get());
    }

    /** The characters before the first wildcard or escape (an escaped character ends the literal part). */
    static String literalPrefix(String pattern) {
        int end = 0;
        while (end < pattern.length()) {
            char c = pattern.charAt(end);
            if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR
                    || c == WildcardQuery.WILDCARD_ESCAPE) {
                break;
            }
            end++;
        }
        return pattern.substring(0, end);
    }

    /** At most {@value #MAX_PREFIX} characters, never splitting a surrogate pair. */
    static String cut(String prefix) {
        if (prefix.length() <= MAX_PREFIX) {
            return prefix;
        }
        int end = MAX_PREFIX;
        if (Character.isHighSurrogate(prefix.charAt(end - 1))) {
            end--;
        }
        return prefix.substring(0, end);
    }

    /**
     * Passes each term through, then each of its prefixes of a length some rule uses (up to
     * {@value #MAX_PREFIX} characters, the whole term included, since {@code arrest*} matches
     * "arrest") followed by {@value #MARK}.
     */
    private static final class WithPrefixes extends TokenFilter {

        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private String current;
        private int nextLength;
        private int maxLength;

        /** Bit {@code n} set: offer prefixes of {@code n} characters. */
        private final int lengths;

        WithPrefixes(TokenStream in, int lengths) {
            super(in);
            this.lengths = lengths;
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (current != null && nextLength <= maxLength) {
                int length = nextLength++;
                // A rule's prefix never ends inside a surrogate pair, so neither need ours.
                if ((lengths & 1 << length) != 0 && !Character.isHighSurrogate(current.charAt(length - 1))) {
                    // Clear first, as a fresh token: the presearcher's filter adds the position
                    // increments of the tokens it drops onto the next one it keeps, and an increment
                    // left over from the term would be added again and again until it overflows.
                    clearAttributes();
                    termAtt.append(current, 0, length).append(MARK);
                    return true;
                }
            }
            if (!input.incrementToken()) {
                current = null;
                return false;
            }
            current = lengths == 0 ? null : termAtt.toString();
            nextLength = 1;
            maxLength = current == null ? 0 : Math.min(current.length(), MAX_PREFIX);
            return true; // the term itself, unchanged
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            current = null;
        }
    }
}
