package io.newsflow.streams.enrich;

import io.newsflow.schema.SentenceSentiment;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.streams.enrich.internal.SentenceScorer;
import io.newsflow.streams.enrich.internal.SentenceSplitter;
import io.newsflow.streams.enrich.internal.SentimentLexicon;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexicon-based tone of an English news article, VADER-style (see {@code internal.SentenceScorer} for
 * the sentence rules and {@code sentiment-lexicon.tsv} for the hand-written news lexicon).
 *
 * <p>The title and the body are split into sentences ({@code internal.SentenceSplitter}) and each
 * sentence gets a compound score in [-1, 1]. The article score is the weighted mean over <em>all</em>
 * sentences, neutral ones included, with the title counting as {@value #TITLE_WEIGHT} sentences: a
 * headline states the story's angle, while a long body of neutral reporting should pull a few loaded
 * sentences towards neutral. Label: NEGATIVE at or below -{@value #LABEL_THRESHOLD}, POSITIVE at or
 * above +{@value #LABEL_THRESHOLD}, else NEUTRAL. The result lists the tone-bearing sentences (non-zero
 * score), in text order, at most {@value #MAX_SENTENCES}, each truncated to {@value #MAX_SENTENCE_CHARS}
 * characters; indexes count the title's sentences first.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentimentAnalyzer {

    static final double TITLE_WEIGHT = 2.0;
    static final double LABEL_THRESHOLD = 0.05;
    static final int MAX_SENTENCES = 50;
    static final int MAX_SENTENCE_CHARS = 300;

    private final SentenceScorer scorer;

    SentimentAnalyzer(SentimentLexicon lexicon) {
        this.scorer = new SentenceScorer(lexicon);
    }

    /** Creates an analyzer with the bundled lexicon. */
    public static SentimentAnalyzer loadDefault() {
        return new SentimentAnalyzer(SentimentLexicon.loadDefault());
    }

    /**
     * Scores the tone of an article.
     *
     * @param title headline, may be null
     * @param body  main text, may be null
     * @return the overall score and label and the tone-bearing sentences; score 0 and NEUTRAL for empty text
     */
    public Sentiment analyze(String title, String body) {
        List<SentenceSentiment> toned = new ArrayList<>();
        double weightedSum = 0.0;
        double weights = 0.0;
        int index = 0;
        List<String> titleSentences = SentenceSplitter.split(title);
        // A title split into several sentences shares the title's weight between them.
        double titleWeight = titleSentences.isEmpty() ? 0.0 : TITLE_WEIGHT / titleSentences.size();
        for (String sentence : titleSentences) {
            double score = scorer.score(sentence);
            weightedSum += titleWeight * score;
            weights += titleWeight;
            collect(toned, index++, sentence, score);
        }
        for (String sentence : SentenceSplitter.split(body)) {
            double score = scorer.score(sentence);
            weightedSum += score;
            weights += 1.0;
            collect(toned, index++, sentence, score);
        }
        double score = weights == 0.0 ? 0.0 : clamp(weightedSum / weights);
        return Sentiment.newBuilder()
                .setScore(score)
                .setLabel(label(score))
                .setSentences(toned)
                .build();
    }

    /** The label for a score, per the {@code Sentiment.label} field contract. */
    public static SentimentLabel label(double score) {
        if (score <= -LABEL_THRESHOLD) {
            return SentimentLabel.NEGATIVE;
        }
        if (score >= LABEL_THRESHOLD) {
            return SentimentLabel.POSITIVE;
        }
        return SentimentLabel.NEUTRAL;
    }

    private static void collect(List<SentenceSentiment> toned, int index, String sentence, double score) {
        if (score == 0.0 || toned.size() >= MAX_SENTENCES) {
            return;
        }
        String text = sentence.length() <= MAX_SENTENCE_CHARS ? sentence : sentence.substring(0, MAX_SENTENCE_CHARS);
        toned.add(new SentenceSentiment(index, text, score));
    }

    private static double clamp(double score) {
        return Math.max(-1.0, Math.min(1.0, score));
    }
}
