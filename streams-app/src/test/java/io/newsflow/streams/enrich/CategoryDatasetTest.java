package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoryDatasetTest {

    @TempDir
    Path dir;

    @Test
    void readsTitleTextAndLabelSkippingBlankLines() throws Exception {
        Path file = dir.resolve("d.jsonl");
        Files.writeString(file, """
                {"id": 1, "title": "Cup final", "text": "The striker scored.", "label": "sport"}

                {"text": "Rates were held.", "label": "business"}
                """);
        assertThat(CategoryDataset.read(file)).containsExactly(
                new CategoryExample("Cup final", "The striker scored.", "sport"),
                new CategoryExample("", "Rates were held.", "business"));
    }

    @Test
    void rowWithoutLabelIsRefusedWithItsLineNumber() throws Exception {
        Path file = dir.resolve("d.jsonl");
        Files.writeString(file, "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\"}\n");
        assertThatThrownBy(() -> CategoryDataset.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.jsonl line 2: no \"label\"");
    }

    @Test
    void lineThatIsNotJsonIsRefusedWithItsLineNumber() throws Exception {
        Path file = dir.resolve("d.jsonl");
        Files.writeString(file, "title,text,label\n");
        assertThatThrownBy(() -> CategoryDataset.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d.jsonl line 1: not a JSON object");
    }

    @Test
    void splitIsStratifiedDisjointAndComplete() {
        List<CategoryExample> rows = rows(50, 30, 20);
        CategoryDataset.Split split = CategoryDataset.split(rows, 0.2, 42);
        assertThat(split.heldOut()).hasSize(20);
        assertThat(split.heldOut().stream().filter(r -> r.label().equals("a"))).hasSize(10);
        assertThat(split.heldOut().stream().filter(r -> r.label().equals("b"))).hasSize(6);
        assertThat(split.heldOut().stream().filter(r -> r.label().equals("c"))).hasSize(4);
        Set<CategoryExample> all = new HashSet<>(split.train());
        all.addAll(split.heldOut());
        assertThat(all).hasSize(rows.size()).containsAll(rows);
    }

    @Test
    void sameSeedSelectsTheSameRowsAndAnotherSeedOthers() {
        List<CategoryExample> rows = rows(50, 30, 20);
        assertThat(CategoryDataset.split(rows, 0.2, 42)).isEqualTo(CategoryDataset.split(new ArrayList<>(rows), 0.2, 42));
        assertThat(CategoryDataset.split(rows, 0.2, 7).heldOut()).isNotEqualTo(CategoryDataset.split(rows, 0.2, 42).heldOut());
    }

    @Test
    void fractionOutsideTheOpenUnitIntervalIsRefused() {
        assertThatThrownBy(() -> CategoryDataset.split(rows(5), 1.0, 42))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 1");
    }

    private static List<CategoryExample> rows(int... perLabel) {
        List<CategoryExample> rows = new ArrayList<>();
        for (int label = 0; label < perLabel.length; label++) {
            for (int i = 0; i < perLabel[label]; i++) {
                String name = String.valueOf((char) ('a' + label));
                rows.add(new CategoryExample("t" + i, "text " + name + i, name));
            }
        }
        return rows;
    }
}
