package io.newsflow.bench.extract;

import io.newsflow.producer.eval.ExtractionDataset;
import io.newsflow.producer.eval.ExtractionDataset.Page;
import io.newsflow.producer.eval.ExtractionEvaluation;
import io.newsflow.producer.eval.TextMetrics;
import io.newsflow.producer.eval.TextMetrics.PrecisionRecall;
import io.newsflow.producer.eval.TextMetrics.ShingleCounts;
import io.newsflow.producer.extract.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Newsflow's extractor beside Readability4J on the same pages, in one run: body quality on each labelled
 * set with both published metrics (ScrapingHub shingle F1, WCXB word F1), and speed on all the pages
 * together, against two floors: jsoup's parse alone and jsoup's parse plus the text of every {@code <p>}.
 *
 * <p>Speed is thread CPU time, so other processes on a shared machine slow every variant alike instead of
 * whichever happens to run while they do; the variants run in alternating rounds after a warm-up pass
 * each, for about {@code --seconds} in total. Readability4J parses the page itself (it takes the HTML), as
 * our extractor's figure includes our parse. Prints one JSON object per line (one per set and extractor,
 * one for speed), then a Markdown table.
 *
 * <p>{@code java -cp ... io.newsflow.bench.extract.ExtractionComparison [--seconds N] DIR [DIR...]}, each
 * DIR in the layout of {@code ../shared/data/extraction/scrapinghub}.
 */
public final class ExtractionComparison {

    private ExtractionComparison() {
    }

    /** One way of getting a page's body text (or, for the floors, of doing comparable work). */
    private interface Variant {
        String run(Page page);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        double seconds = 60;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[++i]);
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: ExtractionComparison [--seconds N] DIR [DIR...]");
            System.exit(2);
        }
        ArticleExtractor newsflow = new ArticleExtractor();
        Map<String, Variant> extractors = new LinkedHashMap<>();
        extractors.put("newsflow", page -> newsflow.fields(page.url(), Jsoup.parse(page.html(), page.url())).body());
        extractors.put("readability4j", ExtractionComparison::readability);

        List<Map<String, Object>> rows = new ArrayList<>();
        List<Page> allPages = new ArrayList<>();
        for (Path dir : dirs) {
            List<Page> pages = ExtractionDataset.load(dir, null).pages();
            allPages.addAll(pages);
            for (Map.Entry<String, Variant> e : extractors.entrySet()) {
                Map<String, Object> row = quality(dir.getFileName().toString(), e.getKey(), e.getValue(), pages);
                rows.add(row);
                System.out.println(ExtractionEvaluation.toJsonLine(row));
            }
        }

        Map<String, Variant> timed = new LinkedHashMap<>();
        timed.put("jsoup_parse", page -> Jsoup.parse(page.html(), page.url()).title());
        timed.put("jsoup_parse_p_text", ExtractionComparison::paragraphText);
        timed.putAll(extractors);
        Map<String, Object> speed = speed(timed, allPages, seconds);
        System.out.println(ExtractionEvaluation.toJsonLine(speed));
        System.out.println();
        System.out.println(table(rows, speed));
    }

    static String readability(Page page) {
        try {
            String text = new Readability4J(page.url(), page.html()).parse().getTextContent();
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            // Counted as an empty body, as the evaluation counts our rejected pages.
            return "";
        }
    }

    private static String paragraphText(Page page) {
        Document doc = Jsoup.parse(page.html(), page.url());
        StringBuilder text = new StringBuilder();
        for (Element p : doc.select("p")) {
            text.append(p.text()).append("\n\n");
        }
        return text.toString();
    }

    private static Map<String, Object> quality(String set, String extractor, Variant variant, List<Page> pages) {
        List<ShingleCounts> shingles = new ArrayList<>();
        double wordF1 = 0;
        int empty = 0;
        for (Page page : pages) {
            String truth = page.truthText("articleBody");
            String body = variant.run(page);
            if (body.isBlank()) {
                empty++;
            }
            shingles.add(TextMetrics.shingleCounts(truth, body));
            wordF1 += TextMetrics.wordF1(truth, body);
        }
        PrecisionRecall pr = TextMetrics.aggregate(shingles);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("set", set);
        row.put("extractor", extractor);
        row.put("pages", pages.size());
        row.put("f1", round(pr.f1()));
        row.put("precision", round(pr.precision()));
        row.put("recall", round(pr.recall()));
        row.put("word_f1", round(pages.isEmpty() ? 0 : wordF1 / pages.size()));
        row.put("empty_bodies", empty);
        return row;
    }

    private static Map<String, Object> speed(Map<String, Variant> variants, List<Page> pages, double seconds) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        long sink = 0;
        for (Map.Entry<String, Variant> v : variants.entrySet()) {
            for (Page page : pages) {
                sink += v.getValue().run(page).length();
            }
            totals.put(v.getKey(), new long[2]);
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int rounds = 0;
        do {
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                long start = CPU.getCurrentThreadCpuTime();
                for (Page page : pages) {
                    sink += v.getValue().run(page).length();
                }
                long[] t = totals.get(v.getKey());
                t[0] += CPU.getCurrentThreadCpuTime() - start;
                t[1] += pages.size();
            }
            rounds++;
        } while (System.nanoTime() < deadline);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("speed", "thread CPU time, one core");
        out.put("pages", pages.size());
        out.put("rounds", rounds);
        double parseMs = millisPerPage(totals.get("jsoup_parse"));
        for (Map.Entry<String, long[]> t : totals.entrySet()) {
            double ms = millisPerPage(t.getValue());
            out.put(t.getKey() + "_pages_per_second", Math.round(1000 / ms * 10) / 10.0);
            out.put(t.getKey() + "_vs_parse", Math.round(ms / parseMs * 100) / 100.0);
        }
        out.put("checksum", sink);
        return out;
    }

    private static double millisPerPage(long[] total) {
        return total[0] / 1e6 / total[1];
    }

    private static String table(List<Map<String, Object>> rows, Map<String, Object> speed) {
        StringBuilder md = new StringBuilder("| set | extractor | F1 (P / R) | word F1 | empty bodies |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        for (Map<String, Object> r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.3f (%.3f / %.3f) | %.3f | %d |%n", r.get("set"),
                    r.get("extractor"), r.get("f1"), r.get("precision"), r.get("recall"), r.get("word_f1"),
                    r.get("empty_bodies")));
        }
        md.append("\n| variant | pages/s | time relative to parse alone |\n| --- | --- | --- |\n");
        for (String v : List.of("jsoup_parse", "jsoup_parse_p_text", "newsflow", "readability4j")) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f |%n", v, speed.get(v + "_pages_per_second"),
                    speed.get(v + "_vs_parse")));
        }
        return md.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
