package io.newsflow.bench.crawl;

import io.newsflow.bench.BenchFiles;
import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.crawl.CrawlMetrics;
import io.newsflow.producer.crawl.CrawlSettings;
import io.newsflow.producer.crawl.Crawler;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.frontier.FrontierUrls;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Memory of the frontier with a million URLs: N URLs spread over H hosts are sent to {@code news.frontier}
 * (as links found on a page) and taken in by one crawler instance running in this JVM, which should be
 * started with a small heap ({@code -Xmx256m}). The broker runs in a child JVM so that its memory is not
 * counted. No host can be reached (each is a loopback address with nothing listening), so robots.txt is
 * "unreachable" and every URL stays queued: the point is the queue. At every quarter and at the end it
 * prints the heap used after a full GC, the process RSS, and the size of the crawler's state folder
 * (RocksDB files) on disk.
 *
 * <p>Run: {@code java -Xmx256m -cp ... io.newsflow.bench.crawl.FrontierMemoryBenchmark [urls] [hosts]}.
 */
public final class FrontierMemoryBenchmark {

    private FrontierMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int urls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = BenchFiles.tempDir("newsflow-frontier-bench");
        Process broker = startBroker(dir.resolve("kafka"));
        try {
            String bootstrap = bootstrapOf(broker);
            Topics topics = new Topics("membench.");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                TopicSetup.ensure(admin, topics, 4, (short) 1);
            }
            // Hosts 127.0.x.y (no server on port 9): robots.txt unreachable, so nothing leaves the queues.
            List<Source> sources = List.of(new Source.Site("bulk", List.of(URI.create("http://127.0.0.1:9/")),
                    new FollowRules(List.of(), List.of(), 5, Integer.MAX_VALUE), null, Duration.ofHours(1)));
            FetchSettings fetch = new FetchSettings("NewsflowBench/0.1 (+http://127.0.0.1/)", Duration.ofSeconds(2),
                    Duration.ofSeconds(5), 1_000_000).allowing("127.0.0.0/8");
            CrawlSettings crawl = CrawlSettings.defaults("membench-crawler", dir.resolve("crawler"));
            ProducerSettings settings = new ProducerSettings(bootstrap, topics, null, fetch, Duration.ofMinutes(10),
                    Map.of(), crawl);
            report("start (broker in a child JVM, crawler not started)", 0, dir.resolve("crawler"));
            try (Crawler crawler = Crawler.start(settings, sources, RecordSerdes.singleObject(),
                    CrawlMetrics.unexported(), Duration.ofSeconds(120))) {
                report("crawler running, frontier empty", 0, dir.resolve("crawler"));
                long start = System.nanoTime();
                send(bootstrap, topics, urls, hosts);
                double sendSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "sent %,d URLs in %.1f s%n", urls, sendSeconds);
                long nextReport = urls / 4;
                while (crawler.progress().queued() < urls) {
                    Thread.sleep(1_000);
                    long queued = crawler.progress().queued();
                    if (queued >= nextReport) {
                        report("queued " + String.format(Locale.ROOT, "%,d", queued), queued, dir.resolve("crawler"));
                        nextReport += urls / 4;
                    }
                    if ((System.nanoTime() - start) / 1e9 > 3_600) {
                        throw new IllegalStateException("not queued within an hour: " + queued);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%,d URLs queued for %,d hosts in %.1f s (%,.0f URLs/s through the "
                        + "frontier)%n", crawler.progress().queued(), crawler.progress().hosts(), seconds, urls / seconds);
                Snapshot end = report("end", crawler.progress().queued(), dir.resolve("crawler"));
                System.out.printf(Locale.ROOT, "{\"benchmark\":\"frontier-memory\",\"urls\":%d,\"hosts\":%d,"
                                + "\"maxHeapMiB\":%.0f,\"heapAfterGcMiB\":%.1f,\"rssMiB\":%.1f,\"stateDirMiB\":%.1f,"
                                + "\"seconds\":%.1f}%n", urls, hosts,
                        Runtime.getRuntime().maxMemory() / 1048576.0, end.heapMiB, end.rssMiB, end.stateMiB, seconds);
            }
        } finally {
            broker.destroy();
            broker.waitFor();
        }
    }

    private record Snapshot(double heapMiB, double rssMiB, double stateMiB) {
    }

    static Snapshot report(String when, long queued, Path stateDir) throws IOException {
        System.gc();
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double rss = rssKiB() / 1024.0;
        double state = sizeOf(stateDir) / 1048576.0;
        System.out.printf(Locale.ROOT, "%-45s heap after GC %7.1f MiB | RSS %7.1f MiB | state on disk %8.1f MiB%n",
                when + ":", heap, rss, state);
        return new Snapshot(heap, rss, state);
    }

    static void send(String bootstrap, Topics topics, int urls, int hosts) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AvroSerde<FrontierUrl> serde = AvroSerde.of(FrontierUrl.class);
        long now = System.currentTimeMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < urls; i++) {
                int h = i % hosts;
                String host = "127.0." + (1 + h / 250) + "." + (1 + h % 250);
                FrontierUrl u = FrontierUrls.of("http://" + host + ":9/news/2025/03/" + (i / hosts) + "/story-" + i
                        + ".html", "bulk", FrontierKind.PAGE, 1, "http://" + host + ":9/", 0, now);
                producer.send(new ProducerRecord<>(topics.frontier(), u.getHost(), serde.encode(u)));
            }
        }
    }

    static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static long rssKiB() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static Process startBroker(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static String bootstrapOf(Process broker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(BrokerProcess.READY)) {
                String bootstrap = line.substring(BrokerProcess.READY.length()).trim();
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // the broker's log is not needed
                        }
                    } catch (IOException e) {
                        // the broker stopped
                    }
                }, "broker-output");
                drain.setDaemon(true);
                drain.start();
                return bootstrap;
            }
        }
        throw new IllegalStateException("the broker process ended before it was ready");
    }

    /** The embedded broker alone, in a JVM of its own. */
    public static final class BrokerProcess {

        static final String READY = "BROKER READY ";

        private BrokerProcess() {
        }

        public static void main(String[] args) throws Exception {
            EmbeddedKafka kafka = EmbeddedKafka.start(Path.of(args[0]), 0, Map.of());
            System.out.println(READY + kafka.bootstrapServers());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
