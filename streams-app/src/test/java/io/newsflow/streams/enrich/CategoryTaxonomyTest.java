package io.newsflow.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryTaxonomyTest {

    private static final CategoryTaxonomy TAXONOMY = CategoryTaxonomy.bundled();

    @Test
    void bundledTaxonomyHasSeventeenLevelOneTopicsWithLevelTwoChildren() {
        assertThat(TAXONOMY.level1()).hasSize(17);
        assertThat(TAXONOMY.level1()).extracting(CategoryTaxonomy.Topic::code)
                .allMatch(code -> code.matches("medtop:\\d\\d000000"));
        for (CategoryTaxonomy.Topic parent : TAXONOMY.level1()) {
            assertThat(TAXONOMY.childrenOf(parent.code())).as(parent.label()).isNotEmpty()
                    .allMatch(child -> child.level1().equals(parent.code()) && !child.isLevel1());
        }
    }

    @Test
    void labelsComeFromTheTaxonomyAndUnknownCodesKeepTheirCode() {
        assertThat(TAXONOMY.label("medtop:11000000")).isEqualTo("politics");
        assertThat(TAXONOMY.label("medtop:20000574")).isEqualTo("election");
        assertThat(TAXONOMY.topic("medtop:20000574").level1()).isEqualTo("medtop:11000000");
        assertThat(TAXONOMY.label("medtop:99999999")).isEqualTo("medtop:99999999");
    }

    @Test
    void childNamingAnUnknownParentIsRejected() {
        assertThatThrownBy(() -> CategoryTaxonomy.parse(List.of("medtop:20000574\tmedtop:11000000\telection")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown level-1 topic medtop:11000000");
    }

    @Test
    void malformedLineIsRejected() {
        assertThatThrownBy(() -> CategoryTaxonomy.parse(List.of("medtop:11000000\tpolitics")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 'code<TAB>level-1 code<TAB>name'");
    }
}
