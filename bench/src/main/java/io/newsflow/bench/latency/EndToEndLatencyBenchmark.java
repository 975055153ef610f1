package io.newsflow.bench.latency;

import io.newsflow.bench.BenchFiles;
import io.newsflow.bench.topology.TopologyThroughputBenchmark;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.schema.AlertRule;
import io.newsflow.schema.Article;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.AvroTrust;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import io.newsflow.streams.topology.NewsTopology;
import io.newsflow.streams.topology.StreamsAppConfig;
import io.newsflow.streams.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * End-to-end latency of the full topology, from publishing an article to {@code news.articles.raw}
 * until its record on {@code news.articles.enriched} (and the alerts it causes on {@code news.alerts})
 * can be read with {@code read_committed}, at a fraction (default 50%) of the peak rate measured in
 * the same run.
 *
 * <p>How: one embedded broker, the full topology ({@code exactly_once_v2}, 2 stream threads, default
 * commit interval). Phase 1 sends a burst after a warm-up and measures the peak rate (articles/s, as
 * {@link TopologyThroughputBenchmark} does). Phase 2 sends articles at {@code fraction × peak}, evenly
 * spaced, each with its send time as the record timestamp; Kafka Streams carries the input
 * timestamp to the records it derives, so the latency of an output record is the time it was polled
 * minus its timestamp (one JVM, one clock). Prints p50, p90, p99 and max for both topics.
 *
 * <p>Run: {@code java -cp ... io.newsflow.bench.latency.EndToEndLatencyBenchmark [--seconds 30]
 * [--fraction 0.5] [--burst 3000]}.
 */
public final class EndToEndLatencyBenchmark {

    private EndToEndLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        AvroTrust.register(); // nested Avro records and enums (Severity) are built for trusted packages only
        int seconds = intArg(args, "--seconds", 30);
        double fraction = Double.parseDouble(arg(args, "--fraction", "0.5"));
        int burst = intArg(args, "--burst", 3000);
        Path dir = BenchFiles.tempDir("newsflow-latency-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            Topics topics = new Topics("lat.");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicSetup.ensure(admin, topics, 2, (short) 1);
            }
            AlertMatcher matcher = new AlertMatcher();
            matcher.upsert(AlertRule.newBuilder().setId("floods").setName("Floods").setQuery("flood* OR storm*").build());
            matcher.upsert(AlertRule.newBuilder().setId("rates").setName("Rates").setQuery("\"central bank\" AND rate*").build());
            StreamsAppConfig config = new StreamsAppConfig(kafka.bootstrapServers(), "latency-app", topics,
                    dir.resolve("state"), 2, null, Map.of(), TopologySettings.defaults(), null);
            Random random = new Random(42);
            List<Article> pool = TopologyThroughputBenchmark.articles(burst * 3, random);
            AvroSerde<Article> serde = AvroSerde.of(Article.class);
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            pp.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            try (KafkaStreams streams = new KafkaStreams(NewsTopology.build(topics, TopologySettings.defaults(),
                         ArticleEnricher.createDefault(), matcher, Clock.systemUTC()), config.toStreamsProperties());
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
                 LatencyReader enriched = new LatencyReader(kafka, topics.articlesEnriched());
                 LatencyReader alerts = new LatencyReader(kafka, topics.alerts())) {
                streams.start();
                int next = 0;
                // Phase 1: warm-up, then a burst to find the peak rate.
                int warm = Math.max(200, burst / 5);
                next = send(producer, topics, serde, pool, next, warm, 0);
                enriched.awaitCount(warm);
                long start = System.nanoTime();
                next = send(producer, topics, serde, pool, next, burst, 0);
                enriched.awaitCount(warm + burst);
                double peak = burst / ((System.nanoTime() - start) / 1e9);
                alerts.awaitQuiet(3_000); // the burst's last alerts must not count in phase 2
                enriched.reset();
                alerts.reset();
                // Phase 2: a steady rate below the peak.
                double rate = peak * fraction;
                int count = (int) Math.max(100, rate * seconds);
                long sendStart = System.nanoTime();
                next = send(producer, topics, serde, pool, next, count, rate);
                double offered = count / ((System.nanoTime() - sendStart) / 1e9);
                enriched.awaitCount(count);
                Thread.sleep(2_000); // the last alerts
                System.out.printf(Locale.ROOT, "{\"benchmark\":\"end-to-end-latency\",\"peak_per_s\":%.1f,\"fraction\":%.2f,"
                                + "\"offered_per_s\":%.1f,\"articles\":%d,\"enriched\":%s,\"alerts\":%s}%n",
                        peak, fraction, offered, count, enriched.summary(), alerts.summary());
                System.out.printf(Locale.ROOT, "| %.0f | %.0f | %s | %s |%n", peak, offered, enriched.row(), alerts.row());
                streams.close(Duration.ofSeconds(30));
            } finally {
                matcher.close();
            }
        }
        System.exit(0); // a library's non-daemon cache thread would keep the JVM alive
    }

    /** Sends {@code count} articles from {@code pool[from]}, at {@code rate} per second (0 = as fast as possible). */
    private static int send(KafkaProducer<String, byte[]> producer, Topics topics, AvroSerde<Article> serde,
                            List<Article> pool, int from, int count, double rate) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            int index = from + i;
            Article a = pool.get(index % pool.size());
            if (index >= pool.size()) { // a new id for a repeated text (a syndicated copy, to the story matcher)
                a = Article.newBuilder(a).setId(a.getId() + "-" + index / pool.size()).build();
            }
            producer.send(new ProducerRecord<>(topics.articlesRaw(), null, System.currentTimeMillis(), a.getId(), serde.encode(a)));
        }
        producer.flush();
        return from + count;
    }

    /** Reads a topic with read_committed on its own thread and records now − record timestamp. */
    static final class LatencyReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Long> latencies = new ArrayList<>();
        private int count;

        LatencyReader(EmbeddedKafka kafka, String topic) {
            consumer = TopologyThroughputBenchmark.committedReader(kafka, topic, "latency-" + topic,
                    Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"));
            thread = new Thread(this::loop, "latency-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(10))) {
                    long latency = System.currentTimeMillis() - r.timestamp();
                    synchronized (this) {
                        latencies.add(latency);
                        count++;
                        notifyAll();
                    }
                }
            }
        }

        synchronized void awaitCount(int expected) throws InterruptedException {
            while (count < expected) {
                wait(1_000);
            }
        }

        /** Waits until no record has arrived for {@code quietMillis}. */
        synchronized void awaitQuiet(long quietMillis) throws InterruptedException {
            int before;
            do {
                before = count;
                wait(quietMillis);
            } while (count != before);
        }

        synchronized void reset() {
            latencies.clear();
            count = 0;
        }

        synchronized String summary() {
            long[] sorted = sorted();
            return String.format(Locale.ROOT, "{\"n\":%d,\"p50_ms\":%d,\"p90_ms\":%d,\"p99_ms\":%d,\"max_ms\":%d}",
                    sorted.length, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        synchronized String row() {
            long[] sorted = sorted();
            return pct(sorted, 50) + " | " + pct(sorted, 99) + " | " + (sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        private long[] sorted() {
            long[] a = latencies.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return a;
        }

        private static long pct(long[] sorted, int p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
            consumer.close();
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(arg(args, name, String.valueOf(fallback)));
    }
}
