package io.newsflow.producer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.extract.ArticleExtractor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvaluationTest {

    private static final String PAGE = """
            <html><head><title>Harbour ferry strike ends | Test Gazette</title>
            <meta property="og:site_name" content="Test Gazette">
            <meta name="author" content="Ada Byron">
            <meta property="article:published_time" content="2025-03-09T23:30:00-05:00"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Harbour ferry strike ends</h1>
            <p>Ferry crews returned to work on Sunday after a nine-day strike that stranded thousands of island
            residents and left supermarket shelves empty across the outer islands of the archipelago.</p>
            <p>The union said its members had accepted a pay offer of four per cent this year and three next
            year, with a review of rosters that crews say left them working sixteen-hour days.</p>
            <p>Services will run to a reduced timetable until Wednesday while ships are inspected, the ferry
            operator said, and passengers holding cancelled tickets can rebook without charge.</p></article>
            <footer>Contact us</footer></body></html>""";

    @TempDir
    Path dir;

    @Test
    void scoresAPerfectPageAsOneAndReadsMetadata() throws IOException {
        String body = "Ferry crews returned to work on Sunday after a nine-day strike that stranded thousands of "
                + "island residents and left supermarket shelves empty across the outer islands of the archipelago.\n\n"
                + "The union said its members had accepted a pay offer of four per cent this year and three next "
                + "year, with a review of rosters that crews say left them working sixteen-hour days.\n\n"
                + "Services will run to a reduced timetable until Wednesday while ships are inspected, the ferry "
                + "operator said, and passengers holding cancelled tickets can rebook without charge.";
        Files.createDirectories(dir.resolve("html"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("ground-truth.json"), """
                {"p1": {"articleBody": %s, "url": "https://gazette.example/ferry",
                        "title": "Harbour ferry strike ends", "author": "Ada Byron", "publish_date": "2025-03-09"}}
                """.formatted(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)));

        ExtractionEvaluation.Report report = new ExtractionEvaluation(new ArticleExtractor())
                .run(ExtractionDataset.load(dir, null));
        Map<String, Object> summary = report.summary();

        assertThat(summary).containsEntry("pages", 1).containsEntry("f1", 1.0).containsEntry("word_f1", 1.0)
                .containsEntry("title_accuracy", 1.0).containsEntry("author_accuracy", 1.0)
                // 23:30 at UTC-5 is the 10th in UTC; the day as published is the 9th.
                .containsEntry("date_accuracy", 1.0);
        assertThat(summary).containsKeys("title_match", "author_match", "date_match", "pages_per_second");
        assertThat(ExtractionEvaluation.SUMMARY_KEYS).containsAll(summary.keySet().stream()
                .filter(k -> !k.endsWith("_match")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> p1 = (Map<String, Object>) report.predictions().get("p1");
        assertThat(p1).containsEntry("articleBody", body).containsEntry("publish_date", "2025-03-09")
                .containsEntry("author", "Ada Byron");
    }

    @Test
    void namesMatchOnTokenF1AndDatesOnTheCalendarDay() {
        assertThat(ExtractionEvaluation.nameMatches("The Big Story: Part One", "the big story part one")).isTrue();
        // 4 of 5 tokens: P = 1, R = 0.8, F1 = 0.889 ≥ 0.8.
        assertThat(ExtractionEvaluation.nameMatches("The Big Story Part One", "The Big Story Part")).isTrue();
        // 2 of 5: F1 = 2·1·0.4/1.4 = 0.571.
        assertThat(ExtractionEvaluation.nameMatches("The Big Story Part One", "Big Story")).isFalse();
        assertThat(ExtractionEvaluation.nameMatches("Ada Byron", null)).isFalse();
        assertThat(ExtractionEvaluation.dateMatches("2025-03-09", LocalDate.of(2025, 3, 9))).isTrue();
        assertThat(ExtractionEvaluation.dateMatches("2025-03-09T10:00:00Z", LocalDate.of(2025, 3, 9))).isTrue();
        assertThat(ExtractionEvaluation.dateMatches("2025-03-09", LocalDate.of(2025, 3, 10))).isFalse();
    }
}
