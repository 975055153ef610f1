package io.newsflow.streams.alert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The Monitor presearchers behind {@link AlertMatcher.Presearch}: Lucene's term-filtered ones, with
 * {@link PrefixPresearch} for wildcard rules, and a leaner way of building each rule's index document.
 *
 * <p>Lucene 9.11 collects a rule's terms per field into a {@code BytesRefHash}, whose first block is
 * 32 KB, and builds every document of a registration batch before indexing any: one hash per field
 * per pass per rule part, so a rule searched in title and body under the two-pass presearcher costs
 * about 128 KB until the batch is indexed, and loading 100,000 rules in one batch needs over 12 GB.
 * Here the terms go into small lists; the documents hold the same terms in the same fields.
 */
final class Presearchers {

    private static final TermWeightor WEIGHTOR = TermFilteredPresearcher.DEFAULT_WEIGHTOR;

    private Presearchers() {}

    static Presearcher create(AlertMatcher.Presearch presearch) {
        List<CustomQueryHandler> handlers = List.of(new PrefixPresearch());
        return switch (presearch) {
            case TERMS -> new SinglePass(handlers);
            case MULTIPASS -> new TwoPass(handlers);
        };
    }

    /** One term (set) per rule: the most selective branch by term length. */
    private static final class SinglePass extends TermFilteredPresearcher {
        SinglePass(List<CustomQueryHandler> handlers) {
            super(WEIGHTOR, handlers, Set.of());
        }

        @Override
        protected Document buildQueryDocument(QueryTree tree) {
            Document doc = new Document();
            termsByField(tree).forEach((field, terms) -> doc.add(field(field, terms)));
            return doc;
        }
    }

    /**
     * Two term sets per rule, from two different branches where the rule requires two; an article
     * must hold a term of each. The scheme of Lucene's {@code MultipassTermFilteredPresearcher} (a
     * field per pass, {@code <field>_<pass>}), with both sides written here: its article side also
     * collects the article's terms into a 32 KB-block hash per field, for every article.
     */
    private static final class TwoPass extends TermFilteredPresearcher {
        private static final int PASSES = 2;
        /** A second pass may use any required term, however short: "\"a b\"" needs both words. */
        private static final float MIN_WEIGHT = 0f;

        TwoPass(List<CustomQueryHandler> handlers) {
            super(WEIGHTOR, handlers, Set.of());
        }

        @Override
        protected Document buildQueryDocument(QueryTree tree) {
            Document doc = new Document();
            for (int pass = 0; pass < PASSES; pass++) {
                int p = pass;
                termsByField(tree).forEach((field, terms) -> {
                    // The pass's own field for the conjunction across passes, and the plain field
                    // for the presearcher's term filter (which only offers terms some rule has).
                    doc.add(field(passField(field, p), terms));
                    doc.add(field(field, terms));
                });
                tree.advancePhase(MIN_WEIGHT);
            }
            return doc;
        }

        @Override
        protected DocumentQueryBuilder getQueryBuilder() {
            return new DocumentQueryBuilder() {
                private final Map<String, List<BytesRef>> terms = new HashMap<>();

                @Override
                public void addTerm(String field, BytesRef term) {
                    // term is a copy already; the sets below sort and drop duplicates themselves
                    terms.computeIfAbsent(field, f -> new ArrayList<>()).add(term);
                }

                @Override
                public Query build() {
                    BooleanQuery.Builder everyPass = new BooleanQuery.Builder();
                    for (int pass = 0; pass < PASSES; pass++) {
                        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                        for (Map.Entry<String, List<BytesRef>> field : terms.entrySet()) {
                            anyField.add(new TermInSetQuery(passField(field.getKey(), pass), field.getValue()),
                                    BooleanClause.Occur.SHOULD);
                        }
                        everyPass.add(anyField.build(), BooleanClause.Occur.MUST);
                    }
                    return everyPass.build();
                }
            };
        }

        private static String passField(String field, int pass) {
            return field + "_" + pass;
        }
    }

    private static Map<String, Set<String>> termsByField(QueryTree tree) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        tree.collectTerms((field, term) -> terms.computeIfAbsent(field, f -> new LinkedHashSet<>())
                .add(term.utf8ToString()));
        return terms;
    }

    private static Field field(String name, Set<String> terms) {
        return new Field(name, new TermList(new ArrayList<>(terms)), TextField.TYPE_NOT_STORED);
    }

    /** The given terms as a token stream, one token each. */
    private static final class TermList extends TokenStream {
        private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
        private final List<String> terms;
        private int next;

        TermList(List<String> terms) {
            this.terms = terms;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.size()) {
                return false;
            }
            clearAttributes();
            termAtt.append(terms.get(next++));
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
