package io.newsflow.streams.enrich;

import io.newsflow.streams.enrich.internal.Resources;
import io.newsflow.streams.enrich.internal.SentimentFeatures;
import io.newsflow.streams.enrich.internal.SentimentFeatures.Features;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The learned half of the sentiment analysis: a multinomial logistic regression (OpenNLP maxent,
 * trained with L-BFGS by {@link SentimentTrainer}) over the features of
 * {@link io.newsflow.streams.enrich.internal.SentimentFeatures}, giving the probabilities of a
 * negative, neutral and positive tone for a sentence, or toward a target span in it.
 *
 * <p>The bundled model ({@value #RESOURCE}) was trained on NewsMTSC's training set (Hamborg and Donnay,
 * EACL 2021, MIT licence) and on the dev half of VADER's NYT editorial snippets with their individual
 * human ratings (Hutto and Gilbert, ICWSM 2014, MIT licence); {@code BENCHMARKS.md} has the command that
 * rebuilds it and the cross-validated figures. Its
 * {@link #version()} names the file's content, so a retrained model gets a new version.
 *
 * <p>Thread-safe; immutable but for a per-thread cache of the last sentence scored toward a target.
 */
public final class SentimentModel {

    /** Classpath resource of the bundled model, beside the other enrichment resources. */
    public static final String RESOURCE = "sentiment-model.bin.gz";

    static final String NEGATIVE = "negative";
    static final String NEUTRAL = "neutral";
    static final String POSITIVE = "positive";

    /** Probabilities of the three tones; they sum to 1. */
    public record Prediction(double negative, double neutral, double positive) {

        /** Positive minus negative probability, in [-1, 1]. */
        public double polarity() {
            return positive - negative;
        }

        /** The most probable tone: "negative", "neutral" or "positive". */
        public String label() {
            if (neutral >= negative && neutral >= positive) {
                return NEUTRAL;
            }
            return positive > negative ? POSITIVE : NEGATIVE;
        }
    }

    private final MaxentModel model;
    private final SentimentFeatures features;
    private final String version;
    /**
     * The last sentence scored toward a target on each thread, parsed: a sentence usually names several
     * targets, and its lexicon score, tokens and sentence features do not depend on which.
     */
    private final ThreadLocal<SentimentFeatures.Parsed[]> lastParsed =
            ThreadLocal.withInitial(() -> new SentimentFeatures.Parsed[1]);
    private final int negative;
    private final int neutral;
    private final int positive;

    SentimentModel(MaxentModel model, SentimentFeatures features, String version) {
        this.model = Objects.requireNonNull(model, "model");
        this.features = Objects.requireNonNull(features, "features");
        this.version = version;
        this.negative = outcome(model, NEGATIVE);
        this.neutral = outcome(model, NEUTRAL);
        this.positive = outcome(model, POSITIVE);
    }

    /** Loads the bundled model with the bundled lexicons. */
    public static SentimentModel loadDefault() {
        return loadDefault(SentimentFeatures.loadDefault());
    }

    static SentimentModel loadDefault(SentimentFeatures features) {
        try (InputStream in = SentimentModel.class.getResourceAsStream(Resources.BASE + RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + Resources.BASE + RESOURCE);
            }
            return read(in, features);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sentiment model", e);
        }
    }

    /**
     * Reads a model written by {@link #write} (gzip-compressed OpenNLP binary format).
     *
     * @throws IOException when the stream is not such a model
     */
    public static SentimentModel read(InputStream in, SentimentFeatures features) throws IOException {
        byte[] bytes = in.readAllBytes();
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            AbstractModel model = new GenericModelReader(new BinaryFileDataReader(gzip)).getModel();
            return new SentimentModel(model, features, "maxent-" + shortHash(bytes));
        }
    }

    /** Writes a trained OpenNLP model in the format {@link #read} expects. */
    static void write(AbstractModel model, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(gzip);
        new GenericModelWriter(model, data).persist();
        data.flush();
        gzip.finish();
    }

    /** "maxent-" and the first 8 hex digits of the SHA-256 of the model file. */
    public String version() {
        return version;
    }

    /** The feature extractor this model was built for. */
    SentimentFeatures features() {
        return features;
    }

    /** Tone of a whole sentence whose lexicon score is already known. */
    public Prediction predict(String sentence, double lexiconScore) {
        return predict(features.extract(sentence, lexiconScore, -1, -1));
    }

    /**
     * Tone toward the target at {@code [targetStart, targetEnd)} in {@code sentence} ("She praised Smith
     * but blasted Jones": positive toward Smith, negative toward Jones).
     */
    public Prediction predictTarget(String sentence, int targetStart, int targetEnd) {
        if (targetStart < 0 || targetEnd <= targetStart || targetEnd > sentence.length()) {
            throw new IllegalArgumentException("target [" + targetStart + ", " + targetEnd
                    + ") is not inside a sentence of " + sentence.length() + " chars");
        }
        SentimentFeatures.Parsed[] slot = lastParsed.get();
        SentimentFeatures.Parsed parsed = slot[0];
        if (parsed == null || !parsed.sentence().equals(sentence)) {
            parsed = features.parse(sentence, features.scorer().score(sentence));
            slot[0] = parsed;
        }
        return predict(features.extract(parsed, targetStart, targetEnd));
    }

    private Prediction predict(Features f) {
        double[] p = model.eval(f.names(), f.values());
        return new Prediction(p[negative], p[neutral], p[positive]);
    }

    private static int outcome(MaxentModel model, String name) {
        int index = model.getIndex(name);
        if (index < 0) {
            throw new IllegalStateException("sentiment model has no outcome '" + name + "'");
        }
        return index;
    }

    private static String shortHash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
