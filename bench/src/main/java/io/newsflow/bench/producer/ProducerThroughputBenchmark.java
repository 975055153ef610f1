package io.newsflow.bench.producer;

import io.newsflow.bench.BenchFiles;
import io.newsflow.bench.topology.TopologyThroughputBenchmark;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.publish.KafkaPublisher;
import io.newsflow.schema.Article;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Newsflow's publisher ({@link KafkaPublisher}: Avro single-object encoding, idempotent, acks=all,
 * lz4, linger 20 ms) against Kafka's own {@code ProducerPerformance} (kafka-tools) on the same
 * embedded broker, the same topic layout (2 partitions) and the same producer settings. To keep
 * size and compressibility equal, ProducerPerformance sends the same articles' texts (title and body,
 * padded to the size of their Avro record) as its payload file. Both rounds run twice, alternating,
 * and the better of each is reported, with the ratio ours / ProducerPerformance.
 *
 * <p>Run: {@code java -cp ... io.newsflow.bench.producer.ProducerThroughputBenchmark [records]}.
 */
public final class ProducerThroughputBenchmark {

    private static final Pattern PP_RESULT = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");

    private ProducerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<Article> articles = TopologyThroughputBenchmark.articles(n, new Random(42));
        AvroSerde<Article> serde = AvroSerde.of(Article.class);
        long totalBytes = 0;
        for (Article a : articles) {
            totalBytes += serde.encode(a).length;
        }
        int avgBytes = (int) (totalBytes / n);
        Path dir = BenchFiles.tempDir("newsflow-producer-bench-");
        Path payloads = dir.resolve("payloads.txt");
        writePayloads(articles, serde, payloads);
        double bestOurs = 0;
        double bestTheirs = 0;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            for (int round = 1; round <= 2; round++) {
                bestOurs = Math.max(bestOurs, ours(kafka, articles, "ours" + round));
                bestTheirs = Math.max(bestTheirs, producerPerformance(kafka, payloads, n, "pp" + round));
            }
        }
        double mbOurs = bestOurs * avgBytes / 1_048_576.0;
        double mbTheirs = bestTheirs * avgBytes / 1_048_576.0;
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"producer-throughput\",\"records\":%d,\"avg_record_bytes\":%d,"
                        + "\"newsflow_per_s\":%.1f,\"producer_performance_per_s\":%.1f,\"ratio\":%.3f}%n",
                n, avgBytes, bestOurs, bestTheirs, bestOurs / bestTheirs);
        System.out.printf(Locale.ROOT, "| %d | %d | %.0f (%.1f MB/s) | %.0f (%.1f MB/s) | %.2f |%n",
                n, avgBytes, bestOurs, mbOurs, bestTheirs, mbTheirs, bestOurs / bestTheirs);
    }

    /** Publishes every article with {@link KafkaPublisher} and flushes; returns records per second. */
    static double ours(EmbeddedKafka kafka, List<Article> articles, String name) throws Exception {
        Topics topics = new Topics(name + ".");
        ensure(kafka, topics);
        try (KafkaPublisher publisher = new KafkaPublisher(kafka.bootstrapServers(), topics, Map.of())) {
            publisher.article(articles.get(0)); // connect and fetch metadata outside the timed part
            publisher.flush();
            long start = System.nanoTime();
            for (int i = 1; i < articles.size(); i++) {
                publisher.article(articles.get(i));
            }
            publisher.flush();
            return (articles.size() - 1) / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Runs ProducerPerformance with the same settings and payloads; returns its records per second. */
    static double producerPerformance(EmbeddedKafka kafka, Path payloads, int n, String name) throws Exception {
        Topics topics = new Topics(name + ".");
        ensure(kafka, topics);
        String[] args = {"--topic", topics.articlesRaw(), "--num-records", String.valueOf(n), "--throughput", "-1",
                "--payload-file", payloads.toString(), "--payload-delimiter", "\u0001",
                "--producer-props", "bootstrap.servers=" + kafka.bootstrapServers(), "acks=all",
                "enable.idempotence=true", "compression.type=lz4", "linger.ms=20"};
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(args);
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        Matcher m = null;
        for (String line : out.split("\n")) {
            Matcher candidate = PP_RESULT.matcher(line);
            if (candidate.find() && Long.parseLong(candidate.group(1)) == n) {
                m = candidate;
            }
        }
        if (m == null) {
            throw new IllegalStateException("no final result line in ProducerPerformance's output:\n" + out);
        }
        return Double.parseDouble(m.group(2));
    }

    /** The articles' titles and bodies, each padded with its own text to its Avro record's size. */
    static void writePayloads(List<Article> articles, AvroSerde<Article> serde, Path file) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (Article a : articles) {
            int size = serde.encode(a).length;
            StringBuilder text = new StringBuilder(a.getTitle()).append('\n').append(a.getBody());
            while (text.toString().getBytes(StandardCharsets.UTF_8).length < size) {
                text.append(' ').append(a.getBody());
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            payloads.add(new String(bytes, 0, size, StandardCharsets.UTF_8).replace("\u0001", " "));
        }
        Files.writeString(file, String.join("\u0001", payloads), StandardCharsets.UTF_8);
    }

    private static void ensure(EmbeddedKafka kafka, Topics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, 2, (short) 1);
        }
    }
}
