package io.newsflow.streams.enrich;

import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.schemas.AvroTrust;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Enriches an {@link Article} with language, IPTC categories, sentiment and named entities.
 *
 * <p>Language is detected over title + body. When the detector cannot tell (too few stop words) and
 * the page declared a language, the declared one is used with confidence {@value #DECLARED_CONFIDENCE}:
 * a publisher's claim is usually right but unverified. Categories and sentiment come from English word
 * lists, so they are computed only when the article is English or undetermined; for another detected
 * language they would be noise (German "die" would read as "die"), and the article gets no categories
 * and a neutral sentiment with no sentences instead. Entities likewise: the capitalisation rules fit
 * English only, so another language gets just the listed places and organisations ("Pakistan", "NATO"),
 * which are mostly written the same way.
 *
 * <p>Story ids and duplicate links are not set here: they need state across articles
 * ({@link StoryMatcher}), which the topology owns.
 *
 * <p>Thread-safe and stateless after construction; build one and share it.
 */
public final class ArticleEnricher implements Enricher {

    static final double DECLARED_CONFIDENCE = 0.5;
    private static final String ENGLISH = "en";

    private final LanguageDetector languageDetector;
    private final CategoryModel categoryClassifier;
    private final SentimentAnalyzer sentimentAnalyzer;
    private final EntityExtractor entityExtractor;
    private final Map<String, String> models;

    /** Composes the given enrichers. */
    public ArticleEnricher(LanguageDetector languageDetector, CategoryModel categoryClassifier,
            SentimentAnalyzer sentimentAnalyzer, EntityExtractor entityExtractor) {
        this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
        this.categoryClassifier = Objects.requireNonNull(categoryClassifier, "categoryClassifier");
        this.sentimentAnalyzer = Objects.requireNonNull(sentimentAnalyzer, "sentimentAnalyzer");
        this.entityExtractor = Objects.requireNonNull(entityExtractor, "entityExtractor");
        this.models = Map.of(
                "language", languageDetector.version(),
                "categories", categoryClassifier.version(),
                "sentiment", sentimentAnalyzer.modelVersion(),
                "entities", entityExtractor.version(),
                "stories", StoryMatcher.VERSION);
        // EnrichedArticle nests records (Entity, Category) that Avro only builds for trusted packages.
        AvroTrust.register();
    }

    /** Composes the given enrichers with the bundled entity lists. */
    public ArticleEnricher(LanguageDetector languageDetector, CategoryModel categoryClassifier,
            SentimentAnalyzer sentimentAnalyzer) {
        this(languageDetector, categoryClassifier, sentimentAnalyzer, EntityExtractor.loadDefault());
    }

    /** Creates an enricher with the bundled stop words, term lists, lexicon and entity lists. */
    public static ArticleEnricher createDefault() {
        return new ArticleEnricher(new LanguageDetector(), CategoryClassifier.loadDefault(),
                SentimentAnalyzer.loadDefault(), EntityExtractor.loadDefault());
    }

    /**
     * Creates an enricher with the bundled models, except categories: the model trained with
     * {@code newsflow train categories} when {@code categoriesModel} is given.
     *
     * @param categoriesModel a trained category model file, or null for the bundled term lists
     */
    public static ArticleEnricher create(java.nio.file.Path categoriesModel) {
        return new ArticleEnricher(new LanguageDetector(), CategoryModels.fromPath(categoriesModel),
                SentimentAnalyzer.loadDefault(), EntityExtractor.loadDefault());
    }

    /** Name and version of the model behind each tag, as recorded in every record's {@code models} map. */
    public Map<String, String> models() {
        return models;
    }

    /**
     * Enriches one article.
     *
     * @param article the raw article
     * @param now     the enrichment time, recorded as {@code enrichedAt}
     */
    public EnrichedArticle enrich(Article article, Instant now) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(now, "now");
        LanguageGuess language = language(article);
        List<Category> categories = List.of();
        Sentiment sentiment = neutral();
        List<Entity> entities;
        if (!language.isDetermined() || ENGLISH.equals(language.code())) {
            categories = categoryClassifier.classify(article.getTitle(), article.getBody(), article.getSourceKeywords());
            sentiment = sentimentAnalyzer.analyze(article.getTitle(), article.getBody());
            entities = entityExtractor.extract(article.getTitle(), article.getBody());
        } else {
            entities = entityExtractor.extractListed(article.getTitle(), article.getBody());
        }
        return EnrichedArticle.newBuilder()
                .setArticle(article)
                .setLanguage(language.code())
                .setLanguageConfidence(language.confidence())
                .setCategories(categories)
                .setSentiment(sentiment)
                .setEntities(entities)
                .setEnrichedAt(now)
                .setModels(models)
                .build();
    }

    private LanguageGuess language(Article article) {
        String text = join(article.getTitle(), article.getBody());
        LanguageGuess detected = languageDetector.detect(text);
        if (detected.isDetermined()) {
            return detected;
        }
        String declared = normaliseDeclared(article.getLanguage());
        return declared == null ? detected : new LanguageGuess(declared, DECLARED_CONFIDENCE);
    }

    /** "en-GB", "EN_us" → "en"; anything that is not a two-letter primary tag → null. */
    static String normaliseDeclared(String declared) {
        if (declared == null) {
            return null;
        }
        String primary = declared.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2}") ? primary : null;
    }

    private static String join(String title, String body) {
        if (title == null || title.isBlank()) {
            return body == null ? "" : body;
        }
        return body == null || body.isBlank() ? title : title + "\n\n" + body;
    }

    private static Sentiment neutral() {
        return Sentiment.newBuilder().setScore(0.0).setLabel(SentimentLabel.NEUTRAL).setSentences(List.of()).build();
    }
}
