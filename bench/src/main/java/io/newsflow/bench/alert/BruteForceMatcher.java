package io.newsflow.bench.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.streams.alert.InvalidRuleException;
import io.newsflow.streams.alert.QueryLanguage;
import io.newsflow.streams.alert.RuleFilter;
import io.newsflow.streams.alert.RuleValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * The baseline: every rule's query run against an in-memory index of the article, one after the
 * other, then the rule's filters. It parses each rule once, indexes each article once, and uses the
 * matcher's own query parser, analyzer and document, so it finds the same matches as
 * {@code AlertMatcher} and differs only in not pre-selecting rules. It builds no alerts (no
 * highlighting or snippets), which flatters it. Thread-safe.
 *
 * <p>The in-memory index is Lucene's {@code MemoryIndex}, as in the Monitor. It comes with
 * lucene-monitor as a runtime-only dependency, so it is not on this module's compile classpath (and
 * the pom is not this benchmark's to change): it is reached through two method handles, looked up
 * once; their cost per article is nothing next to running a thousand queries.
 */
final class BruteForceMatcher {

    private static final MethodHandle FROM_DOCUMENT;
    private static final MethodHandle CREATE_SEARCHER;

    static {
        try {
            Class<?> memoryIndex = Class.forName("org.apache.lucene.index.memory.MemoryIndex");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            FROM_DOCUMENT = lookup.findStatic(memoryIndex, "fromDocument", MethodType.methodType(
                    memoryIndex, Iterable.class, Analyzer.class, boolean.class, boolean.class));
            CREATE_SEARCHER = lookup.findVirtual(memoryIndex, "createSearcher",
                    MethodType.methodType(IndexSearcher.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Compiled(String id, Query query, RuleFilter filter) {}

    private final List<Compiled> rules = new ArrayList<>();

    BruteForceMatcher(List<AlertRule> rules) throws InvalidRuleException {
        for (AlertRule rule : rules) {
            if (rule.getEnabled()) {
                this.rules.add(new Compiled(rule.getId(), RuleValidator.compile(rule), RuleFilter.of(rule)));
            }
        }
    }

    /** Ids of the rules that match the article, in rule order. */
    List<String> match(EnrichedArticle article) {
        IndexSearcher searcher = searcher(article);
        searcher.setQueryCache(null); // one document: caching cannot pay off
        RuleFilter.Facts facts = RuleFilter.Facts.of(article);
        List<String> matched = new ArrayList<>();
        try {
            for (Compiled rule : rules) {
                if (searcher.count(rule.query()) > 0 && rule.filter().accepts(facts)) {
                    matched.add(rule.id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index cannot fail", e);
        }
        return matched;
    }

    /** An index of the article alone, with offsets stored, as the Monitor builds it. */
    private static IndexSearcher searcher(EnrichedArticle article) {
        try {
            Object index = FROM_DOCUMENT.invoke(QueryLanguage.document(article), QueryLanguage.analyzer(), true, false);
            return (IndexSearcher) CREATE_SEARCHER.invoke(index);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot index the article in memory", e);
        }
    }
}
