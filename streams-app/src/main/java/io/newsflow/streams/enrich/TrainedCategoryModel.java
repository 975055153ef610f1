package io.newsflow.streams.enrich;

import io.newsflow.schema.Category;
import io.newsflow.streams.enrich.internal.NewsTermAnalyzer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A {@link CategoryModel} learnt from the user's labelled articles with Apache OpenNLP's document
 * categorizer ({@link DocumentCategorizerME}).
 *
 * <p>Features: the article's title, publisher keywords and body are analysed like the default model's
 * text ({@link NewsTermAnalyzer}: Unicode words, lower case, KStem), tokens without a letter are
 * dropped, and {@link CategoryFeatureGenerator} turns the rest into distinct words and word pairs
 * (stop words left out). The learner is one of OpenNLP's: naive Bayes (the default: the best of the
 * four on a split of the training part of BBC News, see BENCHMARKS.md), maximum entropy (GIS or
 * L-BFGS) or perceptron. The model predicts the IPTC codes it was trained on, each with its
 * probability as the score: the most probable first, then any other code with probability at least
 * {@value #MIN_SECONDARY_SCORE}, at most {@value #MAX_CATEGORIES} in all.
 *
 * <p>A saved model is OpenNLP's model file (a zip) with Newsflow's feature scheme in its manifest;
 * {@link #version()} is {@code opennlp-doccat-ALGORITHM-} and the first 12 hex digits of the file's
 * SHA-256: two model files have the same version exactly when they are the same bytes (a retrained
 * model gets a new version even from the same data, as its manifest records the training time).
 *
 * <p>Thread-safe: OpenNLP's categorizer and feature generators keep no per-call state.
 */
public final class TrainedCategoryModel implements CategoryModel {

    /**
     * Feature scheme written to and checked in the model manifest; change it whenever {@link #tokens} or
     * {@link CategoryFeatureGenerator} changes, so that old model files are refused rather than misread.
     */
    static final String FEATURES = "newsflow-kstem-distinct-words-bigrams-1";
    static final double MIN_SECONDARY_SCORE = 0.25;
    static final int MAX_CATEGORIES = 3;

    private static final String FEATURES_PROPERTY = "newsflow.features";
    private static final String ALGORITHM_PROPERTY = "newsflow.algorithm";
    private static final String TRAINED_AT_PROPERTY = "newsflow.trained-at";
    private static final String EXAMPLES_PROPERTY = "newsflow.examples";
    private static final NewsTermAnalyzer ANALYZER = new NewsTermAnalyzer();

    /** OpenNLP learners a model can be trained with. */
    public enum Algorithm {
        /** Maximum entropy, trained with generalised iterative scaling (GIS). */
        MAXENT("MAXENT"),
        /** Maximum entropy, trained with L-BFGS and L2 regularisation. */
        MAXENT_QN("MAXENT_QN"),
        /** Perceptron. */
        PERCEPTRON("PERCEPTRON"),
        /** Naive Bayes. */
        NAIVE_BAYES("NAIVEBAYES");

        /** OpenNLP's name of the algorithm. */
        private final String openNlpName;

        Algorithm(String openNlpName) {
            this.openNlpName = openNlpName;
        }
    }

    /**
     * Training settings.
     *
     * @param algorithm  the learner
     * @param iterations training iterations (ignored by naive Bayes)
     * @param cutoff     features found in fewer training articles than this are dropped
     */
    public record Options(Algorithm algorithm, int iterations, int cutoff) {

        public Options {
            Objects.requireNonNull(algorithm, "algorithm");
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
            if (cutoff < 0) {
                throw new IllegalArgumentException("cutoff must not be negative, got " + cutoff);
            }
        }

        /** Naive Bayes (iterations unused), features seen at least twice. */
        public static Options defaults() {
            return new Options(Algorithm.NAIVE_BAYES, 100, 2);
        }
    }

    private final DocumentCategorizerME categorizer;
    private final CategoryTaxonomy taxonomy;
    private final byte[] bytes;
    private final String version;

    private TrainedCategoryModel(DoccatModel model, byte[] bytes) {
        this.categorizer = new DocumentCategorizerME(model);
        this.taxonomy = CategoryTaxonomy.bundled();
        this.bytes = bytes;
        String algorithm = Objects.requireNonNullElse(model.getManifestProperty(ALGORITHM_PROPERTY), "unknown");
        this.version = "opennlp-doccat-" + algorithm.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + sha256(bytes).substring(0, 12);
    }

    /**
     * Trains a model.
     *
     * @param examples labelled articles
     * @param labels   maps each example's label to the code the model learns (the label's first code)
     * @throws IllegalArgumentException when there are fewer than two distinct codes or a label cannot be mapped
     */
    public static TrainedCategoryModel train(List<CategoryExample> examples, CategoryLabelMap labels, Options options) {
        labels.check(examples);
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (CategoryExample example : examples) {
            samples.add(new DocumentSample(labels.trainingCode(example.label()), tokens(example.title(), example.text(), List.of())));
        }
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs at least two different categories");
        }
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, options.algorithm().openNlpName);
        params.put(TrainingParameters.ITERATIONS_PARAM, options.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, options.cutoff());
        try {
            DoccatFactory factory = new DoccatFactory(featureGenerators());
            DoccatModel trained = DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples), params, factory);
            Map<String, String> manifest = Map.of(
                    FEATURES_PROPERTY, FEATURES,
                    ALGORITHM_PROPERTY, options.algorithm().name(),
                    TRAINED_AT_PROPERTY, Instant.now().toString(),
                    EXAMPLES_PROPERTY, Integer.toString(samples.size()));
            DoccatModel model = new DoccatModel("en", trained.getMaxentModel(), manifest, factory);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.serialize(out);
            return fromBytes(out.toByteArray(), "trained model");
        } catch (IOException e) {
            // Training and serialising work in memory; an IOException here is a bug, not bad input.
            throw new UncheckedIOException("training failed", e);
        }
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read, is not an OpenNLP document
     *     categorizer model, or was trained with another feature scheme
     */
    public static TrainedCategoryModel load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read category model " + file + ": " + e, e);
        }
        return fromBytes(bytes, "category model " + file);
    }

    private static TrainedCategoryModel fromBytes(byte[] bytes, String what) {
        DoccatModel model;
        try {
            model = new DoccatModel(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(what + " is not an OpenNLP document categorizer model: " + e.getMessage(), e);
        }
        String features = model.getManifestProperty(FEATURES_PROPERTY);
        if (!FEATURES.equals(features)) {
            throw new IllegalArgumentException(what + " was made with feature scheme '" + features
                    + "', this Newsflow uses '" + FEATURES + "'; train it again with newsflow train categories");
        }
        return new TrainedCategoryModel(model, bytes);
    }

    /** Writes the model file (creating parent folders). */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write category model " + file, e);
        }
    }

    @Override
    public String version() {
        return version;
    }

    /** The codes the model can predict, in OpenNLP's outcome order. */
    public List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            codes.add(categorizer.getCategory(i));
        }
        return codes;
    }

    @Override
    public List<Category> classify(String title, String body, List<String> keywords) {
        String[] tokens = tokens(title, body, keywords);
        if (tokens.length == 0) {
            return List.of();
        }
        double[] probabilities = categorizer.categorize(tokens);
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            String code = categorizer.getCategory(i);
            categories.add(new Category(code, taxonomy.label(code), probabilities[i]));
        }
        categories.sort((a, b) -> Double.compare(b.getScore(), a.getScore()));
        List<Category> kept = new ArrayList<>();
        for (Category category : categories) {
            if (kept.size() == MAX_CATEGORIES || (!kept.isEmpty() && category.getScore() < MIN_SECONDARY_SCORE)) {
                break;
            }
            kept.add(category);
        }
        return List.copyOf(kept);
    }

    /** The tokens OpenNLP sees: analysed title, keywords and body, keeping tokens with a letter. */
    static String[] tokens(String title, String body, List<String> keywords) {
        List<String> tokens = new ArrayList<>();
        addTokens(title, tokens);
        if (keywords != null) {
            for (String keyword : keywords) {
                addTokens(keyword, tokens);
            }
        }
        addTokens(body, tokens);
        return tokens.toArray(String[]::new);
    }

    private static void addTokens(String text, List<String> tokens) {
        for (String term : ANALYZER.terms(text)) {
            if (term.chars().anyMatch(Character::isLetter)) {
                tokens.add(term);
            }
        }
    }

    private static FeatureGenerator[] featureGenerators() {
        return new FeatureGenerator[] {new CategoryFeatureGenerator()};
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
