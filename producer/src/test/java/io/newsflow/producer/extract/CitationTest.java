package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CitationTest {

    @Test
    void parsesAuthorTitleOutletAndDate() {
        Citation citation = Citation.parse("Lena Dorsey, \"Old shipyard reopens,\" Meridian Review. 2024-11-18.");

        assertThat(citation.authors()).containsExactly("Lena Dorsey");
        assertThat(citation.title()).isEqualTo("Old shipyard reopens");
        assertThat(citation.outlet()).isEqualTo("Meridian Review");
        assertThat(citation.date()).isEqualTo(Instant.parse("2024-11-18T00:00:00Z"));
    }

    @Test
    void acceptsCurlyQuotes() {
        Citation citation = Citation.parse("Lena Dorsey, “Old shipyard reopens,” Meridian Review. 2024-11-18.");

        assertThat(citation.title()).isEqualTo("Old shipyard reopens");
    }

    @Test
    void splitsTwoAuthorsJoinedByAnd() {
        Citation citation = Citation.parse("Lena Dorsey and Pavel Ilic, \"Title,\" Meridian Review. 2024-11-18.");

        assertThat(citation.authors()).containsExactly("Lena Dorsey", "Pavel Ilic");
    }

    @Test
    void splitsAuthorListWithCommasAndAnd() {
        Citation citation = Citation.parse("Ann Lee, Bo Park and Cy Young, \"Title,\" The Post. 2024-11-18.");

        assertThat(citation.authors()).containsExactly("Ann Lee", "Bo Park", "Cy Young");
    }

    @Test
    void acceptsCommaOutsideTheQuotesAndAWrittenDate() {
        Citation citation = Citation.parse("Ann Lee, \"Title\", The Post. March 9, 2025.");

        assertThat(citation.outlet()).isEqualTo("The Post");
        assertThat(citation.date()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
    }

    @Test
    void outletMayContainAFullStop() {
        Citation citation = Citation.parse("Ann Lee, \"Title,\" The St. Aldric Herald. Mar. 9, 2025.");

        assertThat(citation.outlet()).isEqualTo("The St. Aldric Herald");
        assertThat(citation.date()).isEqualTo(Instant.parse("2025-03-09T00:00:00Z"));
    }

    @Test
    void rejectsASentenceThatQuotesSomeone() {
        assertThat(Citation.parse("Officials said, \"We are ready,\" and left. 2025-03-01.")).isNull();
    }

    @Test
    void rejectsALineWithoutADate() {
        assertThat(Citation.parse("Ann Lee, \"Title,\" The Post.")).isNull();
    }
}
