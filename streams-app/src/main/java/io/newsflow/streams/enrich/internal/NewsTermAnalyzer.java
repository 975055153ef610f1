package io.newsflow.streams.enrich.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
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
 * <p>Stems are cached (up to {@value #STEM_CACHE_SIZE} words): a news vocabulary is small, and the
 * stemmer's dictionary lookups were a third of the category model's time.
 *
 * <p>Thread-safe: Lucene analyzers keep their token streams per thread; the cache is concurrent.
 */
public final class NewsTermAnalyzer {

    /** Most words an article uses have been stemmed before; the stems of this many are kept. */
    static final int STEM_CACHE_SIZE = 200_000;

    /** Everything but the stemming: segmentation, possessives, lower case. */
    private final Analyzer words = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };
    /** KStem of one lower-cased word (KStem looks at one token at a time, so this equals the chain). */
    private final Analyzer stemmer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new KStemFilter(source));
        }
    };
    private final Map<String, String> stems = new ConcurrentHashMap<>();

    /** Returns the normalised terms of {@code text} in order; empty for null or blank text. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        try (TokenStream stream = words.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(stem(term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String cannot do I/O; anything here is a bug.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The KStem form of a lower-cased word, from the cache when it has been seen before. */
    String stem(String word) {
        String stem = stems.get(word);
        if (stem != null) {
            return stem;
        }
        stem = stemUncached(word);
        if (stems.size() < STEM_CACHE_SIZE) {
            stems.put(word, stem.equals(word) ? word : stem);
        }
        return stem;
    }

    private String stemUncached(String word) {
        try (TokenStream stream = stemmer.tokenStream("word", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
