package io.newsflow.bench.topology;

import com.sun.management.OperatingSystemMXBean;
import io.newsflow.bench.BenchFiles;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.extract.Extraction;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Sentiment;
import io.newsflow.schema.SentimentLabel;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.topology.NewsTopology;
import io.newsflow.streams.topology.StreamsAppConfig;
import io.newsflow.streams.topology.TopologySettings;
import java.io.File;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Streams throughput of the full Newsflow topology against a pass-through topology (read an
 * Article, write it unchanged) on the same embedded broker, the same records, the same serde and
 * {@code exactly_once_v2} for both. Prints articles/s of each and the ratio. Each topology is started and
 * warmed up in rounds of as many articles as the timed batch ({@code -Dbench.warmup=N} to change) until
 * the JIT is quiet (compiling under 5% of a round's wall time) or {@code -Dbench.warmupSeconds} (240)
 * have passed, before that batch is sent, so the figure is the running app's throughput, not its
 * start-up or the JIT's warm-up.
 *
 * <p>Run: {@code java -cp ... io.newsflow.bench.topology.TopologyThroughputBenchmark [articles]}
 * (see BENCHMARKS.md for the full command).
 */
public final class TopologyThroughputBenchmark {

    private TopologyThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        List<Article> articles = articles(n, new Random(42));
        Path dir = BenchFiles.tempDir("newsflow-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            Result passThrough = run(kafka, dir, "pass", articles, Mode.PASS_THROUGH);
            Result full = run(kafka, dir, "full", articles, Mode.FULL);
            if (Boolean.getBoolean("bench.noop")) {
                Result noOp = run(kafka, dir, "noop", articles, Mode.FULL_NO_OP);
                System.out.printf("{\"full_topology_no_op_enrichment_per_s\":%.1f,\"ratio\":%.3f,\"cpu_us_per_article\":%.0f}%n",
                        noOp.perSecond(), noOp.perSecond() / passThrough.perSecond(), noOp.cpuMicrosPerArticle());
            }
            System.out.printf("{\"articles\":%d,\"pass_through_per_s\":%.1f,\"full_topology_per_s\":%.1f,\"ratio\":%.3f,"
                            + "\"pass_through_cpu_us_per_article\":%.0f,\"full_topology_cpu_us_per_article\":%.0f}%n",
                    n, passThrough.perSecond(), full.perSecond(), full.perSecond() / passThrough.perSecond(),
                    passThrough.cpuMicrosPerArticle(), full.cpuMicrosPerArticle());
            System.out.printf("| %d | %.0f | %.0f | %.2f | %.0f | %.0f |%n", n, passThrough.perSecond(), full.perSecond(),
                    full.perSecond() / passThrough.perSecond(), passThrough.cpuMicrosPerArticle(), full.cpuMicrosPerArticle());
        }
    }

    /**
     * Articles per second of wall time, and the whole process's CPU time (broker, clients and stream
     * threads) per article in the timed phase: the second is less sensitive to other load on the machine.
     */
    record Result(double perSecond, double cpuMicrosPerArticle) {
    }

    /** What runs: the pass-through, the full topology, or the full topology with no-op enrichment and no rules. */
    enum Mode { PASS_THROUGH, FULL, FULL_NO_OP }

    /**
     * Starts the topology, warms it up (start-up, rebalancing and JIT are not what is measured), then
     * sends the articles and times from the first send until every one of them is readable on the
     * output topic with {@code read_committed}.
     */
    static Result run(EmbeddedKafka kafka, Path dir, String name, List<Article> articles, Mode mode) throws Exception {
        Topics topics = new Topics(name + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, Integer.getInteger("bench.partitions", 2), (short) 1);
        }
        AvroSerde<Article> serde = AvroSerde.of(Article.class);
        StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), name + "-app", topics,
                dir.resolve("state-" + name), 2, null, kafkaOverrides(), TopologySettings.defaults(), null);
        AlertMatcher matcher = new AlertMatcher();
        if (mode == Mode.FULL) {
            matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood* OR storm*").build());
            matcher.upsert(AlertRule.newBuilder().setId("rates").setName("Rates").setQuery("\"central bank\" AND rate*").build());
        }
        Topology topology = switch (mode) {
            case PASS_THROUGH -> passThrough(topics, serde);
            case FULL -> NewsTopology.build(topics, TopologySettings.defaults(), ArticleEnricher.createDefault(), matcher,
                    Clock.systemUTC());
            case FULL_NO_OP -> NewsTopology.build(topics, TopologySettings.defaults(), TopologyThroughputBenchmark::noOpEnrich,
                    matcher, Clock.systemUTC());
        };
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        List<Article> warmup = warmup(articles);
        try (KafkaStreams streams = new KafkaStreams(topology, config.toStreamsProperties());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
             OutputCounter output = new OutputCounter(kafka, topics.articlesEnriched())) {
            streams.start();
            // Warm up in rounds until the JIT is quiet: a round whose compile time is under 5% of its
            // wall time (or -Dbench.warmupSeconds have passed). With the broker in the same JVM the JIT
            // keeps compiling for a minute or more, and that is start-up, not the app's throughput.
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long warmupEnd = System.nanoTime() + Long.getLong("bench.warmupSeconds", 240) * 1_000_000_000L;
            int sent = 0;
            for (int round = 0; ; round++) {
                long compileBefore = jit.getTotalCompilationTime();
                long wallBefore = System.nanoTime();
                List<Article> batch = warmup;
                send(producer, topics, serde, renamed(batch, round));
                sent += batch.size();
                output.await(sent);
                double compileShare = (jit.getTotalCompilationTime() - compileBefore) * 1e6 / (System.nanoTime() - wallBefore);
                System.out.printf("%s: warm-up round %d, %d articles, JIT busy %.0f%% of the round%n", name, round + 1,
                        batch.size(), 100 * compileShare);
                if (compileShare < 0.05 || System.nanoTime() > warmupEnd) {
                    break;
                }
            }
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Map<String, Long> threadsBefore = Boolean.getBoolean("bench.threads") ? threadTicks() : Map.of();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            send(producer, topics, serde, articles);
            output.await(sent + articles.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (os.getProcessCpuTime() - cpuStart) / 1e3;
            if (Boolean.getBoolean("bench.threads")) {
                printThreadCpu(name, threadsBefore, threadTicks());
            }
            streams.close(Duration.ofSeconds(30));
            return new Result(articles.size() / seconds, cpuMicros / articles.size());
        } finally {
            matcher.close();
        }
    }

    /**
     * Warm-up articles: the first ones again under other ids (the same kind of work), as many as
     * {@code -Dbench.warmup=N} says, by default as many as the timed batch, so that the JIT has
     * compiled the enrichers before the clock starts.
     */
    static List<Article> warmup(List<Article> articles) {
        List<Article> out = new ArrayList<>();
        int count = Integer.getInteger("bench.warmup", articles.size());
        for (int i = 0; i < count; i++) {
            Article a = Article.newBuilder(articles.get(i % articles.size())).build();
            a.setId("warmup-" + i);
            a.setTitle("Warm-up " + i + ": " + a.getTitle());
            out.add(a);
        }
        return out;
    }

    /**
     * CPU clock ticks used so far by each native thread of this process (JIT and GC threads included),
     * summed by thread name with digits removed, from {@code /proc/self/task}; empty where there is no /proc.
     */
    static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return ticks;
        }
        for (File task : tasks) {
            try {
                String stat = Files.readString(task.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(comm, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            } catch (IOException | RuntimeException e) {
                // the thread ended between listing and reading
            }
        }
        return ticks;
    }

    static void printThreadCpu(String name, Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((thread, t) -> used.put(thread, t - before.getOrDefault(thread, 0L)));
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%s: CPU by thread in the timed phase (%d ticks):%n", name, total);
        used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    /** Client settings for both apps from {@code -Dbench.kafka.KEY=VALUE} (e.g. {@code -Dbench.kafka.batch.size=16384}). */
    static Map<String, String> kafkaOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.kafka."))
                .forEach(k -> overrides.put(k.substring("bench.kafka.".length()), System.getProperty(k)));
        return overrides;
    }

    /** The warm-up articles under ids of one round, so that the dedupe stage does not drop a repeated round. */
    static List<Article> renamed(List<Article> articles, int round) {
        List<Article> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Article copy = Article.newBuilder(a).build();
            copy.setId(a.getId() + "-r" + round);
            out.add(copy);
        }
        return out;
    }

    static void send(KafkaProducer<String, byte[]> producer, Topics topics, AvroSerde<Article> serde, List<Article> articles) {
        for (Article a : articles) {
            producer.send(new ProducerRecord<>(topics.articlesRaw(), a.getId(), serde.encode(a)));
        }
        producer.flush();
    }

    /**
     * The cheapest enrichment that still fills every field: English, no categories, neutral, no
     * entities. With no alert rules, the full topology then measures its Kafka work alone (dedupe,
     * repartition, stories, five output topics, changelogs).
     */
    static EnrichedArticle noOpEnrich(Article article, Instant now) {
        return EnrichedArticle.newBuilder().setArticle(article).setLanguage("en").setLanguageConfidence(1.0)
                .setCategories(List.of()).setEntities(List.of()).setEnrichedAt(now).setModels(Map.of())
                .setSentiment(Sentiment.newBuilder().setScore(0.0).setLabel(SentimentLabel.NEUTRAL).setSentences(List.of()).build())
                .build();
    }

    static Topology passThrough(Topics topics, AvroSerde<Article> serde) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.articlesRaw(), Consumed.with(Serdes.String(), serde))
                .mapValues(a -> a)
                .to(topics.articlesEnriched(), Produced.with(Serdes.String(), serde));
        return builder.build();
    }

    /**
     * A consumer of {@code topic} from its beginning that sees committed records only, subscribed.
     *
     * @param extra further consumer settings
     */
    public static KafkaConsumer<String, byte[]> committedReader(EmbeddedKafka kafka, String topic, String group,
                                                               Map<String, String> extra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putAll(extra);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Counts the records readable on a topic with {@code read_committed}, from its beginning. */
    static final class OutputCounter implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private int seen;

        OutputCounter(EmbeddedKafka kafka, String topic) {
            consumer = committedReader(kafka, topic, "bench-" + topic, Map.of());
        }

        void await(int expected) {
            while (seen < expected) {
                seen += consumer.poll(Duration.ofMillis(20)).count();
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Realistic, distinct articles: paragraphs of the bundled sample articles, mixed per article. */
    public static List<Article> articles(int n, Random random) {
        ArticleExtractor extractor = new ArticleExtractor();
        List<String[]> paragraphs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (String page : List.of("central-bank-holds-rates", "coalition-wins-snap-election", "council-approves-tram-line",
                "ferry-bombing-suspect-arrested", "greywater-chip-plant-breaks-ground", "harbour-united-win-cup-final",
                "lantern-festival-record-crowds", "st-brendas-opens-vaccine-clinic", "storm-isolde-floods-lower-town")) {
            Extraction e = extractor.extract("http://127.0.0.1/articles/" + page + ".html",
                    SampleSite.resource("articles/" + page + ".html"), "bench", Instant.now());
            Article a = ((Extraction.Extracted) e).article();
            paragraphs.add(a.getBody().split("\n\n"));
            titles.add(a.getTitle());
        }
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int main = random.nextInt(paragraphs.size());
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 8; p++) {
                String[] source = paragraphs.get(p < 5 ? main : random.nextInt(paragraphs.size()));
                body.append(source[random.nextInt(source.length)]).append("\n\n");
            }
            String id = String.format("bench-%06d", i);
            out.add(Article.newBuilder().setId(id).setUrl("http://127.0.0.1/" + id).setCanonicalUrl("http://127.0.0.1/" + id)
                    .setSourceId("bench").setTitle(titles.get(main) + " (" + i + ")").setBody(body.toString().trim())
                    .setSource("The Harbour Courier").setFetchedAt(Instant.now()).build());
        }
        return out;
    }
}
