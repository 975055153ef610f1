package io.newsflow.streams.enrich;

import io.newsflow.schema.SentenceSentiment;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.streams.enrich.internal.SentenceScorer;
import io.newsflow.streams.enrich.internal.SentenceScorer.WordTone;
import io.newsflow.streams.enrich.internal.SentenceSplitter;
import io.newsflow.streams.enrich.internal.SentimentFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tone of an English news article: a learned model and a lexicon, combined per sentence.
 *
 * <p>Each sentence of the title and body ({@code internal.SentenceSplitter}) gets two scores in [-1, 1]:
 * <ul>
 *   <li>the <b>lexicon</b> score, VADER's rules over a hand-written news lexicon
 *       ({@code internal.SentenceScorer}: "attacks spiralled, killing hundreds" is negative, "sanctions
 *       were lifted" positive); it names the words behind it ({@link #explain});</li>
 *   <li>the <b>model</b> score, P(positive) − P(negative) from {@link SentimentModel}, a logistic
 *       regression trained on NewsMTSC news sentences and VADER's NYT editorial snippets whose features
 *       include the lexicon score, word counts under VADER's lexicon and the words themselves.</li>
 * </ul>
 * The sentence score is {@value #MODEL_WEIGHT} × model + {@value #LEXICON_WEIGHT} × lexicon, where the
 * model score has a neutral band: model polarities up to {@value #NEUTRAL_BAND} in magnitude become 0
 * and the rest is stretched back to [-1, 1]. So a sentence the model finds neutral and the lexicon
 * finds toneless scores exactly 0, and the {@link #label} thresholds read as three classes; the lexicon
 * is not cut, so its news rules ("sanctions were lifted") always count. (Calibration: the
 * model-to-lexicon ratio was chosen on the NYT editorial snippets, the band on a held-out 20% of
 * NewsMTSC's training sentences; see BENCHMARKS.md.)
 *
 * <p>The article score is the weighted mean over <em>all</em> sentences, neutral ones included, with
 * the title counting as {@value #TITLE_WEIGHT} sentences: a headline states the story's angle, while a
 * long body of neutral reporting should pull a few loaded sentences towards neutral. Label: NEGATIVE at
 * or below -{@value #LABEL_THRESHOLD}, POSITIVE at or above +{@value #LABEL_THRESHOLD}, else NEUTRAL.
 * The result lists the tone-bearing sentences (non-zero score), in text order, at most
 * {@value #MAX_SENTENCES}, each truncated to {@value #MAX_SENTENCE_CHARS} characters; indexes count the
 * title's sentences first.
 *
 * <p>Immutable and thread-safe.
 */
public final class SentimentAnalyzer {

    static final double TITLE_WEIGHT = 2.0;
    static final double LABEL_THRESHOLD = 0.05;
    static final int MAX_SENTENCES = 50;
    static final int MAX_SENTENCE_CHARS = 300;
    static final double MODEL_WEIGHT = 0.5;
    static final double LEXICON_WEIGHT = 0.5;
    static final double NEUTRAL_BAND = 0.15;
    /** Version of the lexicon and the combination rule; bump when either changes. */
    static final String LEXICON_VERSION = "news-lexicon-2";

    /** One sentence's scores and the lexicon words that drove its lexicon score. */
    public record SentenceExplanation(int index, String text, double score, double lexiconScore, double modelScore,
            List<WordTone> words) {
    }

    /** Tone toward one target in a sentence: P(positive) − P(negative), and the most probable class. */
    public record TargetSentiment(double score, SentimentLabel label) {
    }

    private final SentimentModel model;
    private final SentenceScorer scorer;

    SentimentAnalyzer(SentimentModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.scorer = model.features().scorer();
    }

    /** Creates an analyzer with the bundled lexicons and model. */
    public static SentimentAnalyzer loadDefault() {
        return new SentimentAnalyzer(SentimentModel.loadDefault(SentimentFeatures.loadDefault()));
    }

    /**
     * Creates an analyzer with the bundled lexicons and a model file written by {@link SentimentTrainer}
     * ({@code newsflow train sentiment}).
     *
     * @throws UncheckedIOException when the file cannot be read or is not such a model
     */
    public static SentimentAnalyzer withModel(Path modelFile) {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return new SentimentAnalyzer(SentimentModel.read(in, SentimentFeatures.loadDefault()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment model " + modelFile + ": " + e.getMessage(), e);
        }
    }

    /** Name and version of the lexicon and model, for the enriched record's {@code models} map. */
    public String modelVersion() {
        return LEXICON_VERSION + "+" + model.version();
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
            double score = sentenceScore(sentence);
            weightedSum += titleWeight * score;
            weights += titleWeight;
            collect(toned, index++, sentence, score);
        }
        for (String sentence : SentenceSplitter.split(body)) {
            double score = sentenceScore(sentence);
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

    /** The combined tone of one sentence in [-1, 1] (0 inside the neutral band). */
    public double sentenceScore(String sentence) {
        double lexicon = scorer.score(sentence);
        return combine(model.predict(sentence, lexicon).polarity(), lexicon);
    }

    /**
     * Tone toward a target, e.g. a person named in the sentence, at char offsets
     * {@code [targetStart, targetEnd)}: the model's target features see which words are near it and on
     * which side. The label is the model's most probable class.
     */
    public TargetSentiment analyzeTarget(String sentence, int targetStart, int targetEnd) {
        SentimentModel.Prediction p = model.predictTarget(sentence, targetStart, targetEnd);
        SentimentLabel label = switch (p.label()) {
            case SentimentModel.NEGATIVE -> SentimentLabel.NEGATIVE;
            case SentimentModel.POSITIVE -> SentimentLabel.POSITIVE;
            default -> SentimentLabel.NEUTRAL;
        };
        return new TargetSentiment(p.polarity(), label);
    }

    /**
     * Every sentence of title and body with its combined, lexicon and model scores and the lexicon
     * words behind it, for an analyst asking why an article scored as it did.
     */
    public List<SentenceExplanation> explain(String title, String body) {
        List<SentenceExplanation> out = new ArrayList<>();
        List<String> sentences = new ArrayList<>(SentenceSplitter.split(title));
        sentences.addAll(SentenceSplitter.split(body));
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            double lexicon = scorer.score(sentence);
            double modelScore = model.predict(sentence, lexicon).polarity();
            out.add(new SentenceExplanation(i, sentence, combine(modelScore, lexicon), lexicon, modelScore,
                    scorer.toneWords(sentence)));
        }
        return out;
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

    /** Weighted sum of the model's polarity, with its neutral band cut out, and the lexicon score. */
    static double combine(double modelPolarity, double lexiconScore) {
        double magnitude = Math.max(0.0, Math.abs(modelPolarity) - NEUTRAL_BAND) / (1.0 - NEUTRAL_BAND);
        return clamp(MODEL_WEIGHT * Math.copySign(magnitude, modelPolarity) + LEXICON_WEIGHT * lexiconScore);
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
