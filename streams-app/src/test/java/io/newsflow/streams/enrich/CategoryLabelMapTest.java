package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryLabelMapTest {

    @TempDir
    Path dir;

    @Test
    void readsLabelsWithOneOrSeveralCodes() throws Exception {
        Path file = dir.resolve("map.json");
        Files.writeString(file, "{\"business\": [\"medtop:04000000\"], \"crime\": [\"medtop:02000000\", \"medtop:20000082\"]}");
        CategoryLabelMap map = CategoryLabelMap.read(file);
        assertThat(map.codes("business")).containsExactly("medtop:04000000");
        assertThat(map.codes("crime")).containsExactly("medtop:02000000", "medtop:20000082");
        assertThat(map.trainingCode("crime")).isEqualTo("medtop:02000000");
        assertThat(map.isIdentity()).isFalse();
    }

    @Test
    void invalidJsonIsRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"business\": [\"medtop:04000000\"");
        assertThatThrownBy(() -> CategoryLabelMap.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() {
        assertThatThrownBy(() -> CategoryLabelMap.parse("[\"medtop:04000000\"]", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m.json must be a non-empty JSON object");
        assertThatThrownBy(() -> CategoryLabelMap.parse("{}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty JSON object");
    }

    @Test
    void labelMappedToAStringInsteadOfAnArrayIsRefusedNamingTheLabel() {
        assertThatThrownBy(() -> CategoryLabelMap.parse("{\"sport\": \"medtop:15000000\"}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 'sport' must map to an array");
    }

    @Test
    void emptyArrayAndMalformedCodeAreRefused() {
        assertThatThrownBy(() -> CategoryLabelMap.parse("{\"sport\": []}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label 'sport' maps to no IPTC code");
        assertThatThrownBy(() -> CategoryLabelMap.parse("{\"sport\": [\"15000000\"]}", "m.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'15000000', which is not an IPTC Media Topic code");
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> CategoryLabelMap.read(dir.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.json is not a file");
    }

    @Test
    void datasetLabelsOutsideTheMapAreListed() {
        CategoryLabelMap map = CategoryLabelMap.parse("{\"sport\": [\"medtop:15000000\"]}", "label map m.json");
        List<CategoryExample> rows = List.of(new CategoryExample("", "a", "sport"), new CategoryExample("", "b", "tech"),
                new CategoryExample("", "c", "arts"));
        assertThatThrownBy(() -> map.check(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels 'arts', 'tech' are not in the label map m.json");
    }

    @Test
    void withoutAMapLabelsMustBeCodesAndTheErrorSaysHowToMapThem() {
        CategoryLabelMap identity = CategoryLabelMap.identity();
        assertThat(identity.codes("medtop:15000000")).containsExactly("medtop:15000000");
        assertThatThrownBy(() -> identity.check(List.of(new CategoryExample("", "a", "sport"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sport' are not IPTC Media Topic codes")
                .hasMessageContaining("--label-map FILE");
    }
}
