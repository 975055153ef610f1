package io.newsflow.bench.enrich;

import io.newsflow.bench.topology.TopologyThroughputBenchmark;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.enrich.CategoryClassifier;
import io.newsflow.streams.enrich.EntityExtractor;
import io.newsflow.streams.enrich.LanguageDetector;
import io.newsflow.streams.enrich.SentimentAnalyzer;
import io.newsflow.streams.enrich.SimHash;
import io.newsflow.schemas.AvroSerde;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Where an article's processing time goes: thread CPU time per article of each enricher, of alert
 * matching, of the story fingerprints and of the Avro encoding, on the articles of
 * {@link TopologyThroughputBenchmark}, one thread, after a warm-up pass. The Avro encoding of the raw
 * article is the baseline the others are compared with (a pass-through topology decodes and
 * encodes each record once).
 *
 * <p>Run: {@code java -cp ... io.newsflow.bench.enrich.EnrichmentCostBenchmark [articles] [seconds-per-step] [only-steps-containing]}
 */
public final class EnrichmentCostBenchmark {

    private EnrichmentCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        String only = args.length > 2 ? args[2] : ""; // time only the steps whose name contains this (for profiling)
        List<Article> articles = TopologyThroughputBenchmark.articles(n, new Random(42));
        ArticleEnricher enricher = ArticleEnricher.createDefault();
        LanguageDetector language = new LanguageDetector();
        CategoryClassifier categories = CategoryClassifier.loadDefault();
        SentimentAnalyzer sentiment = SentimentAnalyzer.loadDefault();
        EntityExtractor entities = EntityExtractor.loadDefault();
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        Instant now = Instant.now();
        List<EnrichedArticle> enriched = articles.stream().map(a -> enricher.enrich(a, now)).toList();
        AlertMatcher matcher = new AlertMatcher();
        matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood* OR storm*").build());
        matcher.upsert(AlertRule.newBuilder().setId("rates").setName("Rates").setQuery("\"central bank\" AND rate*").build());
        long sentences = 0;
        for (Article a : articles) {
            sentences += sentiment.analyze(a.getTitle(), a.getBody()).getSentences().size();
        }

        Map<String, Consumer<Integer>> steps = new LinkedHashMap<>();
        steps.put("avro encode + decode Article (pass-through work)", i -> articleSerde.decode(articleSerde.encode(articles.get(i))));
        steps.put("language", i -> language.detect(articles.get(i).getTitle() + "\n\n" + articles.get(i).getBody()));
        steps.put("categories", i -> categories.classify(articles.get(i).getTitle(), articles.get(i).getBody(), List.of()));
        steps.put("sentiment", i -> sentiment.analyze(articles.get(i).getTitle(), articles.get(i).getBody()));
        steps.put("entities", i -> entities.extract(articles.get(i).getTitle(), articles.get(i).getBody()));
        steps.put("enrich (all four)", i -> enricher.enrich(articles.get(i), now));
        steps.put("story fingerprints (SimHash body + lead)",
                i -> SimHash.fingerprints(articles.get(i).getTitle(), articles.get(i).getBody()));
        steps.put("alert matching (2 rules)", i -> matcher.match(enriched.get(i), now));
        steps.put("avro encode + decode EnrichedArticle", i -> enrichedSerde.decode(enrichedSerde.encode(enriched.get(i))));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%d articles, %.1f sentences each on average%n", n, (double) sentences / n);
        System.out.println("| step | µs of CPU per article | × pass-through work |");
        System.out.println("| --- | ---: | ---: |");
        double baseline = 0;
        for (Map.Entry<String, Consumer<Integer>> step : steps.entrySet()) {
            if (baseline != 0 && !step.getKey().contains(only)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                step.getValue().accept(i); // warm-up pass
            }
            long count = 0;
            long start = threads.getCurrentThreadCpuTime();
            long budget = (long) (seconds * 1e9);
            while (threads.getCurrentThreadCpuTime() - start < budget) {
                step.getValue().accept((int) (count++ % n));
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / count;
            if (baseline == 0) {
                baseline = micros;
            }
            System.out.printf("| %s | %.1f | %.1f |%n", step.getKey(), micros, micros / baseline);
        }
        matcher.close();
    }
}
