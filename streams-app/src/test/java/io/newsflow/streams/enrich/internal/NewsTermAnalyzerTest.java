package io.newsflow.streams.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class NewsTermAnalyzerTest {

    private static final String TEXT = "The ministers' elections: Britain's economy grew as economic data showed. "
            + "Ministers say the Bank of England's rates are rising; studies, flies and ponies ran. "
            + "Naïve cafés reopened — 2,500 workers' strikes ended. ÉLECTIONS Élections élections.";

    @Test
    void termsAreThoseOfTheWholeLuceneChainAlsoWhenStemsComeFromTheCache() throws IOException {
        NewsTermAnalyzer analyzer = new NewsTermAnalyzer();
        List<String> expected = reference(TEXT);

        assertThat(analyzer.terms(TEXT)).containsExactlyElementsOf(expected); // stems computed
        assertThat(analyzer.terms(TEXT)).containsExactlyElementsOf(expected); // stems from the cache
        assertThat(expected).contains("minister", "election", "economy", "economic", "study", "england");
    }

    @Test
    void blankTextHasNoTerms() {
        assertThat(new NewsTermAnalyzer().terms("  ")).isEmpty();
        assertThat(new NewsTermAnalyzer().terms(null)).isEmpty();
    }

    /** The analysis chain as one Lucene analyzer, stemming every token in the stream. */
    private static List<String> reference(String text) throws IOException {
        Analyzer chain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new KStemFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                return new TokenStreamComponents(source, stream);
            }
        };
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = chain.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
