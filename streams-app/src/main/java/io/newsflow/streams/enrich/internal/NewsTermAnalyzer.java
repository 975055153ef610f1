package io.newsflow.streams.enrich.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns English text into normalised terms for the category term index: Unicode word segmentation,
 * possessive "'s" removed, lower-cased, then Krovetz (KStem) light stemming.
 *
 * <p>KStem rather than Porter because it maps inflections to real words ("elections" → "election",
 * "ministers" → "minister") without conflating "economy" with "economic", so the hand-written term
 * lists stay readable and precise. Stop words are kept so that multi-word terms ("bank of england")
 * match as written. The same analyzer normalises the term lists at load time, so lists and text always
 * agree.
 *
 * <p>Thread-safe: Lucene analyzers keep their token streams per thread.
 */
public final class NewsTermAnalyzer {

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new KStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    /** Returns the normalised terms of {@code text} in order; empty for null or blank text. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String cannot do I/O; anything here is a bug.
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
