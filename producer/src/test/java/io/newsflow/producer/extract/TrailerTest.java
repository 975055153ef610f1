package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrailerTest {

    private static final String CITATION = "Ann Lee, \"Title,\" The Post. 2025-03-09.";

    @Test
    void takesCitationAndKeywordsOffTheEnd() {
        Trailer trailer = Trailer.split(List.of("First.", "Last.", CITATION, "Keywords: a , b , c"));

        assertThat(trailer.body()).containsExactly("First.", "Last.");
        assertThat(trailer.citation().outlet()).isEqualTo("The Post");
        assertThat(trailer.keywords()).containsExactly("a", "b", "c");
    }

    @Test
    void acceptsKeywordsBeforeCitation() {
        Trailer trailer = Trailer.split(List.of("Body.", "Keywords: a", CITATION));

        assertThat(trailer.body()).containsExactly("Body.");
        assertThat(trailer.citation()).isNotNull();
        assertThat(trailer.keywords()).containsExactly("a");
    }

    @Test
    void keywordsAreTrimmedAndEmptiesDropped() {
        Trailer trailer = Trailer.split(List.of("Body.", "Keywords:  Political science ,  , Pak-US relations , "));

        assertThat(trailer.keywords()).containsExactly("Political science", "Pak-US relations");
    }

    @Test
    void readsLinesOfOneBlock() {
        Trailer trailer = Trailer.split(List.of("Body.", "Last paragraph.\n" + CITATION + "\nKeywords: a"));

        assertThat(trailer.body()).containsExactly("Body.", "Last paragraph.");
        assertThat(trailer.citation()).isNotNull();
    }

    @Test
    void leavesAnOrdinaryEndingAlone() {
        Trailer trailer = Trailer.split(List.of("Body.", "The council meets again on Friday."));

        assertThat(trailer.body()).containsExactly("Body.", "The council meets again on Friday.");
        assertThat(trailer.citation()).isNull();
        assertThat(trailer.keywords()).isEmpty();
    }
}
