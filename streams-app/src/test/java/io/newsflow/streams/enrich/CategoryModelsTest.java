package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryModelsTest {

    @TempDir
    Path dir;

    @Test
    void emptyOrMissingKeyGivesTheDefaultModel() {
        assertThat(CategoryModels.fromSettings(Map.of())).isInstanceOf(CategoryClassifier.class);
        assertThat(CategoryModels.fromSettings(Map.of(CategoryModels.MODEL_KEY, " "))).isInstanceOf(CategoryClassifier.class);
    }

    @Test
    void pathGivesTheTrainedModel() {
        Path file = dir.resolve("m.bin");
        TrainedCategoryModel trained = TrainedCategoryModel.train(CategoryTrainingSet.make(10, 1), CategoryLabelMap.identity(),
                TrainedCategoryModel.Options.defaults());
        trained.save(file);
        CategoryModel model = CategoryModels.fromSettings(Map.of(CategoryModels.MODEL_KEY, file.toString()));
        assertThat(model).isInstanceOf(TrainedCategoryModel.class);
        assertThat(model.version()).isEqualTo(trained.version());
    }

    @Test
    void unreadableModelIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> CategoryModels.fromSettings(Map.of(CategoryModels.MODEL_KEY, dir.resolve("none.bin").toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("streams.categories.model: cannot read category model");
    }
}
