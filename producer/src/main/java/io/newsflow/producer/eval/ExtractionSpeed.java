package io.newsflow.producer.eval;

import io.newsflow.producer.eval.ExtractionDataset.Page;
import io.newsflow.producer.extract.ArticleExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Speed comparison on one core, same pages, same run: jsoup's parse alone, jsoup parse plus the text of
 * every {@code <p>} (the floor any jsoup extractor pays), and our parse plus extract. Prints one JSON
 * object with pages per second for each and the ratio of parse-alone to parse+extract throughput.
 *
 * <p>{@code java -cp ... io.newsflow.producer.eval.ExtractionSpeed DIR [DIR...] [--seconds N]}: each
 * variant is warmed up for one pass, then timed in alternating rounds for at least N seconds (default 10)
 * in total, so that JIT and machine noise hit all variants alike. Times are the thread's CPU time, so that
 * other processes on a shared machine do not count. Readability4J is compared in the bench module
 * ({@code io.newsflow.bench.extract.ExtractionComparison}).
 */
public final class ExtractionSpeed {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ExtractionSpeed() {
    }

    private interface Variant {
        long run(Page page);
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        List<Page> pages = new ArrayList<>();
        double seconds = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[++i]);
            } else {
                pages.addAll(ExtractionDataset.load(Path.of(args[i]), null).pages());
            }
        }
        if (pages.isEmpty()) {
            System.err.println("usage: ExtractionSpeed DIR [DIR...] [--seconds N]");
            System.exit(2);
        }
        System.out.println(ExtractionEvaluation.toJsonLine(measure(pages, seconds)));
    }

    /** Pages per second of each variant over {@code pages}, timed for about {@code seconds} in total. */
    public static Map<String, Object> measure(List<Page> pages, double seconds) {
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("jsoup_parse", page -> Jsoup.parse(page.html(), page.url()).childNodeSize());
        variants.put("jsoup_parse_p_text", page -> {
            Document doc = Jsoup.parse(page.html(), page.url());
            long chars = 0;
            for (Element p : doc.select("p")) {
                chars += p.text().length();
            }
            return chars;
        });
        variants.put("newsflow_parse_extract", page -> extractor.fields(page.url(),
                Jsoup.parse(page.html(), page.url())).body().length());
        Map<String, long[]> totals = new LinkedHashMap<>();
        long sink = 0;
        for (Map.Entry<String, Variant> v : variants.entrySet()) {
            for (Page page : pages) {
                sink += v.getValue().run(page);
            }
            totals.put(v.getKey(), new long[2]);
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        do {
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                long start = CPU.getCurrentThreadCpuTime();
                for (Page page : pages) {
                    sink += v.getValue().run(page);
                }
                long[] t = totals.get(v.getKey());
                t[0] += CPU.getCurrentThreadCpuTime() - start;
                t[1] += pages.size();
            }
        } while (System.nanoTime() < deadline);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pages", pages.size());
        for (Map.Entry<String, long[]> t : totals.entrySet()) {
            out.put(t.getKey() + "_pages_per_second", Math.round(t.getValue()[1] / (t.getValue()[0] / 1e9) * 10) / 10.0);
        }
        double parse = (double) totals.get("jsoup_parse")[0] / totals.get("jsoup_parse")[1];
        double ours = (double) totals.get("newsflow_parse_extract")[0] / totals.get("newsflow_parse_extract")[1];
        out.put("parse_extract_time_vs_parse_alone", Math.round(ours / parse * 100) / 100.0);
        out.put("checksum", sink);
        return out;
    }
}
