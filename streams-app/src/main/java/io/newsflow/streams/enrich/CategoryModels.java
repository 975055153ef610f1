package io.newsflow.streams.enrich;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses the {@link CategoryModel} the streams app uses: the trained model named by
 * {@value #MODEL_KEY}, or the bundled {@link CategoryClassifier} when the key is empty or missing.
 */
public final class CategoryModels {

    /** Configuration key: path of a model made by {@code newsflow train categories}; empty = the default model. */
    public static final String MODEL_KEY = "streams.categories.model";

    private CategoryModels() {
    }

    /**
     * The model the settings ask for.
     *
     * @throws IllegalArgumentException naming {@value #MODEL_KEY} when the model file cannot be loaded
     */
    public static CategoryModel fromSettings(Map<String, String> settings) {
        String path = settings.getOrDefault(MODEL_KEY, "").strip();
        return fromPath(path.isEmpty() ? null : Path.of(path));
    }

    /**
     * The trained model at {@code modelFile}, or the default model when it is null.
     *
     * @throws IllegalArgumentException naming {@value #MODEL_KEY} when the model file cannot be loaded
     */
    public static CategoryModel fromPath(Path modelFile) {
        if (modelFile == null) {
            return CategoryClassifier.loadDefault();
        }
        try {
            return TrainedCategoryModel.load(modelFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MODEL_KEY + ": " + e.getMessage(), e);
        }
    }
}
