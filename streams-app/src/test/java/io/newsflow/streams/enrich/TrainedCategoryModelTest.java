package io.newsflow.streams.enrich;

import static io.newsflow.streams.enrich.CategoryTrainingSet.ECONOMY;
import static io.newsflow.streams.enrich.CategoryTrainingSet.SPORT;
import static io.newsflow.streams.enrich.CategoryTrainingSet.WEATHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.Category;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedCategoryModelTest {

    private static final String SPORT_TEXT = "The striker scored twice and the coach said the players deserved the cup.";
    private static final String ECONOMY_TEXT = "Investors sold shares as inflation rose and the bank raised rates.";
    private static final String WEATHER_TEXT = "Forecasters expect heavy rain, strong wind and frost after the storm.";

    private static TrainedCategoryModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        model = TrainedCategoryModel.train(CategoryTrainingSet.make(30, 1), CategoryLabelMap.identity(),
                TrainedCategoryModel.Options.defaults());
    }

    @Test
    void learnsTheTopicsOfItsTrainingSet() {
        assertThat(primary(model, SPORT_TEXT)).isEqualTo(SPORT);
        assertThat(primary(model, ECONOMY_TEXT)).isEqualTo(ECONOMY);
        assertThat(primary(model, WEATHER_TEXT)).isEqualTo(WEATHER);
        assertThat(model.codes()).containsExactlyInAnyOrder(SPORT, ECONOMY, WEATHER);
    }

    @Test
    void categoriesCarryTaxonomyLabelsAndSortedProbabilities() {
        List<Category> categories = model.classify("Cup final", SPORT_TEXT, List.of());
        assertThat(categories.get(0).getLabel()).isEqualTo("sport");
        assertThat(categories).hasSizeBetween(1, 3)
                .allSatisfy(c -> assertThat(c.getScore()).isBetween(0.0, 1.0));
        assertThat(categories).extracting(Category::getScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(categories.stream().skip(1)).allSatisfy(c -> assertThat(c.getScore())
                .isGreaterThanOrEqualTo(TrainedCategoryModel.MIN_SECONDARY_SCORE));
    }

    @Test
    void savedModelLoadsWithTheSameVersionAndPredictions() {
        Path file = dir.resolve("models/categories.bin");
        model.save(file);
        TrainedCategoryModel loaded = TrainedCategoryModel.load(file);

        assertThat(loaded.version()).isEqualTo(model.version()).matches("opennlp-doccat-naive-bayes-[0-9a-f]{12}");
        for (String text : List.of(SPORT_TEXT, ECONOMY_TEXT, WEATHER_TEXT)) {
            assertThat(loaded.classify(null, text, List.of())).isEqualTo(model.classify(null, text, List.of()));
        }
    }

    @Test
    void otherLearnersTrainToo() {
        for (TrainedCategoryModel.Algorithm algorithm : TrainedCategoryModel.Algorithm.values()) {
            TrainedCategoryModel other = TrainedCategoryModel.train(CategoryTrainingSet.make(30, 2),
                    CategoryLabelMap.identity(), new TrainedCategoryModel.Options(algorithm, 50, 1));
            assertThat(primary(other, SPORT_TEXT)).as(algorithm.name()).isEqualTo(SPORT);
            assertThat(other.version()).contains(algorithm.name().toLowerCase().replace('_', '-'));
        }
    }

    @Test
    void labelsAreMappedToTheFirstCodeOfTheirEntry() {
        List<CategoryExample> named = CategoryTrainingSet.make(20, 3).stream()
                .map(r -> new CategoryExample(r.title(), r.text(), r.label().equals(SPORT) ? "football" : "other-" + r.label()))
                .toList();
        CategoryLabelMap labels = CategoryLabelMap.of(Map.of(
                "football", List.of("medtop:20000822", SPORT),
                "other-" + ECONOMY, List.of(ECONOMY),
                "other-" + WEATHER, List.of(WEATHER)));
        TrainedCategoryModel mapped = TrainedCategoryModel.train(named, labels, TrainedCategoryModel.Options.defaults());

        List<Category> categories = mapped.classify(null, SPORT_TEXT, List.of());
        assertThat(categories.get(0).getCode()).isEqualTo("medtop:20000822");
        assertThat(categories.get(0).getLabel()).isEqualTo("competition discipline");
    }

    @Test
    void textWithoutWordsGetsNoCategory() {
        assertThat(model.classify(null, "  2025 -- 42 ", null)).isEmpty();
        assertThat(model.classify(null, null, null)).isEmpty();
    }

    @Test
    void trainingNeedsTwoCategories() {
        List<CategoryExample> one = List.of(new CategoryExample("", "goal goal", SPORT), new CategoryExample("", "cup", SPORT));
        assertThatThrownBy(() -> TrainedCategoryModel.train(one, CategoryLabelMap.identity(),
                TrainedCategoryModel.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two different categories");
    }

    @Test
    void fileThatIsNotAModelIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a model");
        assertThatThrownBy(() -> TrainedCategoryModel.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("not an OpenNLP document categorizer model");
        assertThatThrownBy(() -> TrainedCategoryModel.load(dir.resolve("missing.bin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read category model");
    }

    private static String primary(CategoryModel m, String text) {
        return m.classify(null, text, List.of()).get(0).getCode();
    }
}
