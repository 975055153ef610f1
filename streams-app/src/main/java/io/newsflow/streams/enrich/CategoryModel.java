package io.newsflow.streams.enrich;

import io.newsflow.schema.Category;
import java.util.List;

/**
 * Assigns IPTC Media Topic categories to an English article. Two implementations: the bundled
 * {@link CategoryClassifier} (term lists, no training data needed) and {@link TrainedCategoryModel}
 * (Apache OpenNLP, trained on the user's labelled articles); {@link CategoryModels} picks one from the
 * configuration.
 *
 * <p>Implementations are thread-safe: the topology shares one instance between stream threads.
 */
public interface CategoryModel {

    /**
     * Classifies an article.
     *
     * @param title    headline, may be null
     * @param body     main text, may be null
     * @param keywords publisher keywords, may be null or empty
     * @return categories sorted by score, highest (the primary category) first; empty when the model
     *     cannot tell
     */
    List<Category> classify(String title, String body, List<String> keywords);

    /** Name and version of the model, e.g. {@code iptc-terms-3f2a9c1e}; changes whenever its output may. */
    String version();
}
