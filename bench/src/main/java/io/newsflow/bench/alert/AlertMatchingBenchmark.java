package io.newsflow.bench.alert;

import io.newsflow.schema.AlertRule;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.AvroTrust;
import io.newsflow.streams.alert.AlertMatcher;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * How many articles per second {@link AlertMatcher} matches against 1k, 10k and 100k generated rules,
 * with the same articles checked by brute force (every rule's query against each article) as the
 * baseline in the same run. Results and the command line are in BENCHMARKS.md, "Alert matching".
 *
 * <p>For each rule count: generate the rules ({@link RuleGenerator}, fixed seed), load them with one
 * {@link AlertMatcher#upsertAll} call (timed; heap measured after a GC), match a warm-up run of
 * articles, then time a fixed number of articles matched by {@code --threads} threads calling
 * {@link AlertMatcher#match} concurrently. The articles are {@link ArticleGenerator}'s plus the sample
 * site's nine, cycled. At the brute-force rule count the two are also checked to find the same
 * matches. Prints one JSON object per configuration, then a markdown table. Nothing is asserted
 * about speed.
 *
 * <pre>
 * --rules 1000,10000,100000   rule counts
 * --docs 2000                 articles in each timed run
 * --warmup 1000               articles matched before each timed run
 * --threads 2                 threads calling match
 * --presearch MULTIPASS       TERMS, MULTIPASS or ALL (default: AlertMatcher's default)
 * --brute-rules 1000          rule count of the brute-force baseline (0: none)
 * --pool 1000                 generated articles (cycled)
 * --seed 42
 * </pre>
 */
public final class AlertMatchingBenchmark {

    private static final Instant NOW = Instant.parse("2025-04-01T00:00:00Z");
    private static final int CHECKED_DOCS = 300;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private AlertMatchingBenchmark() {}

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        AvroTrust.register();
        NewsVocabulary words = NewsVocabulary.load(options.seed);
        List<EnrichedArticle> docs = new ArrayList<>(new ArticleGenerator(words).generate(options.pool, options.seed + 1));
        List<EnrichedArticle> samples = SampleArticles.load();
        for (int i = 0; i < samples.size(); i++) {
            docs.add(i * docs.size() / samples.size(), samples.get(i)); // spread through the pool
        }
        System.err.printf(Locale.ROOT, "Vocabulary: %d entries; %d articles (%d generated, %d sample), %.0f words on average%n",
                words.size(), docs.size(), options.pool, samples.size(), averageWords(docs));

        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> bruteRow = null;
        for (int count : options.rules) {
            RuleGenerator generator = new RuleGenerator(words);
            List<AlertRule> rules = generator.generate(count, options.seed + 2);
            for (AlertMatcher.Presearch presearch : options.presearch) {
                Map<String, Object> row = runMatcher(rules, docs, presearch, options);
                row.put("shapes", generator.counts().toString());
                rows.add(row);
                System.out.println(json(row));
            }
            if (count == options.bruteRules) {
                bruteRow = runBruteForce(rules, docs, options);
                rows.add(bruteRow);
                System.out.println(json(bruteRow));
            }
        }
        if (options.bruteRules > 0 && bruteRow == null) {
            List<AlertRule> rules = new RuleGenerator(words).generate(options.bruteRules, options.seed + 2);
            bruteRow = runBruteForce(rules, docs, options);
            rows.add(bruteRow);
            System.out.println(json(bruteRow));
        }
        System.out.println();
        System.out.println(table(rows, bruteRow));
    }

    private static Map<String, Object> runMatcher(List<AlertRule> rules, List<EnrichedArticle> docs,
            AlertMatcher.Presearch presearch, Options options) throws Exception {
        long heapBefore = usedHeapAfterGc();
        AlertMatcher matcher = new AlertMatcher(presearch);
        try {
            long start = System.nanoTime();
            matcher.upsertAll(rules);
            long loadNanos = System.nanoTime() - start;
            long heapAfter = usedHeapAfterGc();

            ToIntFunction<EnrichedArticle> work = doc -> matcher.match(doc, NOW).size();
            run(docs, options.threads, 0, options.warmup, work);
            AlertMatcher.Stats before = matcher.stats();
            Run timed = run(docs, options.threads, options.warmup, options.docs, work);
            AlertMatcher.Stats after = matcher.stats();
            double n = after.articles() - before.articles();

            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", "alert-matching");
            row.put("matcher", "monitor");
            row.put("presearch", presearch.name());
            row.put("rules", rules.size());
            row.put("distinctQueries", matcher.distinctQueries());
            row.put("threads", options.threads);
            row.put("warmupDocs", options.warmup);
            row.put("docs", options.docs);
            row.put("seconds", round(timed.nanos / 1e9, 3));
            row.put("docsPerSecond", round(options.docs / (timed.nanos / 1e9), 1));
            row.put("cpuMsPerDoc", round(timed.cpuNanos / 1e6 / options.docs, 3));
            row.put("loadSeconds", round(loadNanos / 1e9, 2));
            row.put("heapUsedMiB", round(heapAfter / 1048576.0, 1));
            row.put("heapForRulesMiB", round((heapAfter - heapBefore) / 1048576.0, 1));
            row.put("candidatesPerDoc", round((after.candidates() - before.candidates()) / n, 1));
            row.put("filteredOutPerDoc", round((after.filteredOut() - before.filteredOut()) / n, 1));
            row.put("alertsPerDoc", round((after.alerts() - before.alerts()) / n, 2));
            if (rules.size() == options.bruteRules) {
                row.put("sameMatchesAsBruteForce", agreement(matcher, rules, docs));
            }
            return row;
        } finally {
            matcher.close();
        }
    }

    private static Map<String, Object> runBruteForce(List<AlertRule> rules, List<EnrichedArticle> docs,
            Options options) throws Exception {
        BruteForceMatcher brute = new BruteForceMatcher(rules);
        ToIntFunction<EnrichedArticle> work = doc -> brute.match(doc).size();
        run(docs, options.threads, 0, Math.min(options.warmup, 200), work);
        Run timed = run(docs, options.threads, options.warmup, options.docs, work);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("benchmark", "alert-matching");
        row.put("matcher", "brute-force");
        row.put("rules", rules.size());
        row.put("threads", options.threads);
        row.put("docs", options.docs);
        row.put("seconds", round(timed.nanos / 1e9, 3));
        row.put("docsPerSecond", round(options.docs / (timed.nanos / 1e9), 1));
        row.put("cpuMsPerDoc", round(timed.cpuNanos / 1e6 / options.docs, 3));
        row.put("matchesPerDoc", round(timed.results / (double) options.docs, 2));
        return row;
    }

    /**
     * Whether the matcher and the brute force find the same rules for the first articles: the
     * presearcher must never drop a rule that matches. "n/m articles" when they differ somewhere.
     */
    private static String agreement(AlertMatcher matcher, List<AlertRule> rules, List<EnrichedArticle> docs)
            throws Exception {
        BruteForceMatcher brute = new BruteForceMatcher(rules);
        int checked = Math.min(CHECKED_DOCS, docs.size());
        int same = 0;
        for (EnrichedArticle doc : docs.subList(0, checked)) {
            List<String> viaMonitor = matcher.match(doc, NOW).stream().map(KeywordAlert::getRuleId).sorted().toList();
            if (viaMonitor.equals(brute.match(doc))) {
                same++;
            } else {
                System.err.println("Different matches for " + doc.getArticle().getId());
            }
        }
        return same == checked ? "yes (" + checked + " articles)" : "NO: " + same + "/" + checked + " articles";
    }

    /**
     * @param cpuNanos CPU time of this whole process during the run (matching threads, GC, JIT):
     *     unlike wall time, barely affected by other processes on the machine, so it shows what the
     *     matcher would do on cores of its own
     */
    private record Run(long nanos, long results, long cpuNanos) {}

    /** Matches {@code count} articles (from {@code offset} in the cycled pool) on {@code threads} threads. */
    private static Run run(List<EnrichedArticle> docs, int threads, int offset, int count,
            ToIntFunction<EnrichedArticle> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    long results = 0;
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        results += work.applyAsInt(docs.get((offset + i) % docs.size()));
                    }
                    return results;
                }));
            }
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            go.countDown();
            long results = 0;
            for (Future<Long> worker : workers) {
                results += worker.get();
            }
            return new Run(System.nanoTime() - start, results, PROCESS.getProcessCpuTime() - cpuStart);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double averageWords(List<EnrichedArticle> docs) {
        return docs.stream().mapToInt(d -> d.getArticle().getBody().split("\\s+").length).average().orElse(0);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static String json(Map<String, Object> row) {
        StringBuilder out = new StringBuilder("{");
        row.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(key).append("\":");
            if (value instanceof Number) {
                out.append(value);
            } else {
                out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        });
        return out.append('}').toString();
    }

    private static String table(List<Map<String, Object>> rows, Map<String, Object> brute) {
        StringBuilder out = new StringBuilder();
        out.append("| rules | matcher | load (s) | heap after load (MiB) | articles/s | process CPU ms/article"
                + " | candidates/article | filtered out/article | alerts/article | vs brute force |\n");
        out.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double bruteRate = brute == null ? 0 : (double) brute.get("docsPerSecond");
        for (Map<String, Object> row : rows) {
            boolean monitor = row.get("matcher").equals("monitor");
            String ratio = "";
            if (row == brute) {
                ratio = "1×";
            } else if (brute != null && row.get("rules").equals(brute.get("rules"))) {
                ratio = String.format(Locale.ROOT, "%.1f×", (double) row.get("docsPerSecond") / bruteRate);
            }
            out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %,.0f | %.2f | %s | %s | %s | %s |%n",
                    (int) row.get("rules"),
                    monitor ? "Monitor, " + row.get("presearch") : "brute force",
                    monitor ? row.get("loadSeconds") : "",
                    monitor ? row.get("heapUsedMiB") : "",
                    (double) row.get("docsPerSecond"),
                    (double) row.get("cpuMsPerDoc"),
                    monitor ? row.get("candidatesPerDoc") : row.get("rules"),
                    monitor ? row.get("filteredOutPerDoc") : "",
                    monitor ? row.get("alertsPerDoc") : row.get("matchesPerDoc"),
                    ratio));
        }
        return out.toString();
    }

    /** Command-line options; see the class comment. */
    private record Options(List<Integer> rules, int docs, int warmup, int threads,
            List<AlertMatcher.Presearch> presearch, int bruteRules, int pool, long seed) {

        static Options parse(String[] args) {
            List<Integer> rules = List.of(1_000, 10_000, 100_000);
            int docs = 2000;
            int warmup = 1000;
            int threads = 2;
            List<AlertMatcher.Presearch> presearch = null;
            int bruteRules = 1000;
            int pool = 1000;
            long seed = 42;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--rules" -> rules = Arrays.stream(value.split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--docs" -> docs = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--presearch" -> presearch = value.equalsIgnoreCase("ALL")
                            ? List.of(AlertMatcher.Presearch.values())
                            : List.of(AlertMatcher.Presearch.valueOf(value.toUpperCase(Locale.ROOT)));
                    case "--brute-rules" -> bruteRules = Integer.parseInt(value);
                    case "--pool" -> pool = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + name
                            + "; use --rules, --docs, --warmup, --threads, --presearch, --brute-rules, --pool, --seed");
                }
            }
            if (presearch == null) {
                try (AlertMatcher probe = new AlertMatcher()) {
                    presearch = List.of(probe.presearch());
                }
            }
            return new Options(rules, docs, warmup, threads, presearch, bruteRules, pool, seed);
        }
    }
}
