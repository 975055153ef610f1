package io.newsflow.streams.alert;

import io.newsflow.schema.EnrichedArticle;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The alert query language in one place: searchable fields, analyzer and parser settings shared by
 * validation, the Monitor and the article documents (they must agree, or terms would not line up).
 *
 * <p>Public so that tools outside the matcher (benchmarks, a rule tester) can run a rule's query
 * ({@link RuleValidator#compile}) against exactly the document and analyzer the matcher uses.
 * Stateless and thread-safe.
 */
public final class QueryLanguage {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String SOURCE = "source";
    static final String KEYWORDS = "keywords";
    static final String ENTITIES = "entities";

    /** Every searchable field, in article reading order (the order matched terms are reported in). */
    static final List<String> FIELDS = List.of(TITLE, BODY, SOURCE, KEYWORDS, ENTITIES);

    static final int MAX_QUERY_CHARS = 2000;
    static final int MAX_TERMS = 200;

    /**
     * StandardAnalyzer (lower-casing, no stop words) with a wide position gap between the values of a
     * multi-valued field, so a phrase can never match across two of an article's keywords or entities.
     */
    static final Analyzer ANALYZER = new KeywordGapAnalyzer(new StandardAnalyzer());

    private QueryLanguage() {}

    /** The analyzer of both rule queries and article fields. */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The Lucene document the rules are matched against: one field per searchable field. */
    public static Document document(EnrichedArticle article) {
        return ArticleText.of(article).toDocument();
    }

    /** A new parser: parsers keep state while parsing, so each parse gets its own. */
    static QueryParser newParser() {
        QueryParser parser = new MultiFieldQueryParser(new String[] {TITLE, BODY}, ANALYZER);
        // Accepted here so RuleValidator can refuse them with its own clearer message.
        parser.setAllowLeadingWildcard(true);
        return parser;
    }

    private static final class KeywordGapAnalyzer extends AnalyzerWrapper {
        private final Analyzer delegate;

        KeywordGapAnalyzer(Analyzer delegate) {
            super(delegate.getReuseStrategy());
            this.delegate = delegate;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }
}
