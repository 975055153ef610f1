package io.newsflow.producer.eval;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.producer.eval.ExtractionDataset.Page;
import io.newsflow.producer.eval.TextMetrics.PrecisionRecall;
import io.newsflow.producer.eval.TextMetrics.ShingleCounts;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.ExtractedFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Runs {@link ArticleExtractor} over an {@link ExtractionDataset} and scores it: body shingle
 * precision/recall/F1 (ScrapingHub), word F1 (WCXB), title, author and date accuracy where the ground
 * truth has the field, and extraction speed. Pages the extractor rejects still count, with whatever body
 * it found (an empty one scores 0). Single-threaded, so pages per second is one core's figure.
 */
public final class ExtractionEvaluation {

    /** Titles and authors match when the token F1 of their lower-cased {@code \w+} tokens reaches this. */
    public static final double NAME_MATCH_F1 = 0.8;
    static final String NAME_MATCH = "token-F1 >= 0.8 of lower-cased \\w+ tokens";
    static final String DATE_MATCH = "same calendar day as published (offset as written on the page)";

    /** Every key {@link Report#summary()} may hold; the accuracies only where the ground truth has the field. */
    public static final List<String> SUMMARY_KEYS = List.of("pages", "f1", "precision", "recall", "word_f1",
            "title_accuracy", "title_pages", "author_accuracy", "author_pages", "date_accuracy", "date_pages",
            "rejected", "pages_per_second");

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /**
     * One page's prediction and scores.
     *
     * @param wordF1 WCXB word F1 of the body
     * @param shingles ScrapingHub shingle counts of the body
     */
    public record PageResult(Page page, ExtractedFields fields, double wordF1, ShingleCounts shingles) {
    }

    /**
     * The figures for one run.
     *
     * @param pages        per-page results, in dataset order
     * @param pagesPerSecond parse + extract throughput on one core, measured after a warm-up pass
     */
    public record Report(List<PageResult> pages, double pagesPerSecond) {

        /** The summary printed by {@code newsflow eval extraction}, as an ordered map. */
        public Map<String, Object> summary() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pages", pages.size());
            PrecisionRecall pr = TextMetrics.aggregate(pages.stream().map(PageResult::shingles).toList());
            out.put("f1", round(pr.f1()));
            out.put("precision", round(pr.precision()));
            out.put("recall", round(pr.recall()));
            out.put("word_f1", round(pages.stream().mapToDouble(PageResult::wordF1).average().orElse(0)));
            accuracy(out, "title", pages, r -> nameMatches(r.page().truthText("title"), r.fields().title()));
            accuracy(out, "author", pages, r -> nameMatches(r.page().truthText("author"),
                    String.join(", ", r.fields().authors())));
            accuracy(out, "date", pages, r -> dateMatches(r.page().truthText("publish_date"),
                    r.fields().publishedDate()));
            if (out.containsKey("title_accuracy")) {
                out.put("title_match", NAME_MATCH);
            }
            if (out.containsKey("author_accuracy")) {
                out.put("author_match", NAME_MATCH);
            }
            if (out.containsKey("date_accuracy")) {
                out.put("date_match", DATE_MATCH);
            }
            out.put("rejected", pages.stream().filter(r -> r.fields().rejection() != null).count());
            out.put("pages_per_second", Math.round(pagesPerSecond * 10) / 10.0);
            return out;
        }

        /** Per-page predictions in the ground truth's shape, keyed by page id. */
        public Map<String, Object> predictions() {
            Map<String, Object> out = new LinkedHashMap<>();
            for (PageResult r : pages) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("articleBody", r.fields().body());
                p.put("url", r.page().url());
                p.put("title", r.fields().title());
                p.put("author", r.fields().authors().isEmpty() ? null : String.join(", ", r.fields().authors()));
                p.put("publish_date", r.fields().publishedDate() == null ? null : r.fields().publishedDate().toString());
                p.put("paywalled", r.fields().paywalled());
                p.put("field_sources", r.fields().fieldSources());
                p.put("rejection", r.fields().rejection());
                p.put("word_f1", round(r.wordF1()));
                out.put(r.page().id(), p);
            }
            return out;
        }
    }

    private static final long MIN_TIMED_NANOS = 2_000_000_000L;

    private final ArticleExtractor extractor;

    /** Evaluates {@code extractor}; instances are not shared between threads. */
    public ExtractionEvaluation(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    /** Extracts every page once to score it, then once more timed (the first pass is the warm-up). */
    public Report run(ExtractionDataset dataset) {
        List<PageResult> results = new ArrayList<>();
        for (Page page : dataset.pages()) {
            ExtractedFields fields = extract(page);
            String truth = page.truthText("articleBody");
            results.add(new PageResult(page, fields, TextMetrics.wordF1(truth, fields.body()),
                    TextMetrics.shingleCounts(truth, fields.body())));
        }
        // Timed passes after the scoring pass (the warm-up), repeated for at least two seconds so that
        // small sets still give a stable figure.
        long start = System.nanoTime();
        long pages = 0;
        long checksum = 0;
        do {
            for (Page page : dataset.pages()) {
                checksum += extract(page).body().length();
                pages++;
            }
        } while (!dataset.pages().isEmpty() && System.nanoTime() - start < MIN_TIMED_NANOS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum == Long.MIN_VALUE) {
            throw new AssertionError("unreachable; keeps the timed work observable");
        }
        return new Report(results, seconds == 0 ? 0 : pages / seconds);
    }

    private ExtractedFields extract(Page page) {
        return extractor.fields(page.url(), Jsoup.parse(page.html(), page.url()));
    }

    /**
     * {@code java -cp ... ExtractionEvaluation DIR [--out FILE] [--limit N]}: the same JSON summary as
     * {@code newsflow eval extraction}, for use without the CLI jar.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ExtractionEvaluation DIR [--out FILE] [--limit N]");
            System.exit(2);
        }
        Path out = null;
        Integer limit = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--out")) {
                out = Path.of(args[i + 1]);
            } else if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[i + 1]);
            }
        }
        Report report = new ExtractionEvaluation(new ArticleExtractor()).run(ExtractionDataset.load(Path.of(args[0]), limit));
        if (out != null) {
            writeJson(report.predictions(), out);
        }
        System.out.println(toJsonLine(report.summary()));
    }

    /** Writes {@code map} as indented JSON to {@code file}. */
    public static void writeJson(Map<String, Object> map, Path file) {
        try {
            MAPPER.writeValue(file.toFile(), map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code map} as one line of JSON. */
    public static String toJsonLine(Map<String, Object> map) {
        try {
            return new JsonMapper().writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean nameMatches(String truth, String predicted) {
        return predicted != null && TextMetrics.tokenF1(truth, predicted) >= NAME_MATCH_F1;
    }

    static boolean dateMatches(String truth, LocalDate predicted) {
        if (predicted == null || truth == null || truth.length() < 10) {
            return false;
        }
        try {
            return LocalDate.parse(truth.substring(0, 10)).equals(predicted);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private interface Check {
        boolean matches(PageResult r);
    }

    /** Adds {@code <field>_accuracy} over the pages whose ground truth has the field, if any has it. */
    private static void accuracy(Map<String, Object> out, String field, List<PageResult> pages, Check check) {
        String truthField = field.equals("date") ? "publish_date" : field;
        int total = 0;
        int hits = 0;
        for (PageResult r : pages) {
            if (r.page().truthText(truthField) != null) {
                total++;
                if (check.matches(r)) {
                    hits++;
                }
            }
        }
        if (total > 0) {
            out.put(field + "_accuracy", round((double) hits / total));
            out.put(field + "_pages", total);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
