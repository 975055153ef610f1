package io.newsflow.streams.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of an article that made a rule match: character ranges per field, sorted and without
 * overlaps, ready for the matched-terms list and the snippet.
 *
 * <p>Lucene 9.11's Monitor reports a phrase or proximity match as a single span from its first to its
 * last word ({@code "central bank"~3} gives "central European bank"). Such spans are re-analysed and
 * only the tokens that are terms of the query are kept, so the alert names "central" and "bank".
 */
final class TermHits {

    /** A matched word: characters [start, end) of one field's text. */
    record Range(int start, int end) {}

    private final ArticleText text;
    private final Map<String, List<Range>> byField;

    private TermHits(ArticleText text, Map<String, List<Range>> byField) {
        this.text = text;
        this.byField = byField;
    }

    /** @param queryTerms the query's plain terms per field (see {@link QueryShape#termsByField()}) */
    static TermHits of(RuleMatch match, ArticleText text, Map<String, Set<String>> queryTerms) {
        Map<String, List<Range>> byField = new LinkedHashMap<>();
        for (String field : QueryLanguage.FIELDS) {
            if (match.hits(field).isEmpty()) {
                byField.put(field, List.of());
                continue; // and skip joining the keywords or entities for nothing
            }
            String fieldText = text.text(field);
            List<Range> ranges = new ArrayList<>();
            for (RuleMatch.Hit hit : match.hits(field)) {
                if (hit.startOffset() < 0 || hit.endOffset() > fieldText.length()
                        || hit.startOffset() >= hit.endOffset()) {
                    continue; // no usable offsets; the match still counts, it just cannot be shown
                }
                if (hit.endPosition() > hit.startPosition()) {
                    ranges.addAll(queryTermsWithin(field, fieldText, hit, queryTerms));
                } else {
                    ranges.add(new Range(hit.startOffset(), hit.endOffset()));
                }
            }
            byField.put(field, withoutOverlaps(ranges));
        }
        return new TermHits(text, byField);
    }

    List<Range> in(String field) {
        return byField.getOrDefault(field, List.of());
    }

    /** Distinct matched words, lower-cased, in reading order: title, body, source, keywords, entities. */
    List<String> matchedTerms() {
        Set<String> terms = new LinkedHashSet<>();
        byField.forEach((field, ranges) -> {
            if (ranges.isEmpty()) {
                return;
            }
            String fieldText = text.text(field);
            for (Range r : ranges) {
                terms.add(Snippets.collapseSpaces(fieldText.substring(r.start(), r.end()))
                        .toLowerCase(Locale.ROOT));
            }
        });
        return List.copyOf(terms);
    }

    private static List<Range> queryTermsWithin(
            String field, String fieldText, RuleMatch.Hit hit, Map<String, Set<String>> queryTerms) {
        Set<String> wanted = queryTerms.getOrDefault(field, Set.of());
        String span = fieldText.substring(hit.startOffset(), hit.endOffset());
        List<Range> found = new ArrayList<>();
        try (TokenStream tokens = QueryLanguage.ANALYZER.tokenStream(field, span)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (wanted.contains(term.toString())) {
                    found.add(new Range(hit.startOffset() + offset.startOffset(),
                            hit.startOffset() + offset.endOffset()));
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return found.isEmpty() ? List.of(new Range(hit.startOffset(), hit.endOffset())) : found;
    }

    private static List<Range> withoutOverlaps(List<Range> ranges) {
        ranges.sort(Comparator.comparingInt(Range::start).thenComparingInt(Range::end));
        List<Range> kept = new ArrayList<>();
        int end = -1;
        for (Range r : ranges) {
            if (r.start() >= end) {
                kept.add(r);
                end = r.end();
            }
        }
        return List.copyOf(kept);
    }
}
