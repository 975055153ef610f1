package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two crawler instances with one application id against the embedded broker and a site on four hosts
 * (four loopback addresses, one per partition of a 4-partition {@code news.frontier}). While both run, each
 * host is fetched by exactly one instance (the server records each request's user agent, one per
 * instance); when one instance is closed mid-crawl, the other finishes its hosts; the articles on
 * {@code news.articles.raw}, read with {@code read_committed}, are exactly the expected ones, once each.
 */
class ScaleOutIT {

    static final int PARTITIONS = 4;
    static final int ARTICLES_PER_HOST = 20;

    @TempDir
    Path dir;

    /** For each partition, the first loopback address whose key lands on it (the default partitioner). */
    static List<String> onePerPartition() {
        Map<Integer, String> hosts = new LinkedHashMap<>();
        for (int x = 1; x < 255 && hosts.size() < PARTITIONS; x++) {
            String host = "127.0.0." + x;
            hosts.putIfAbsent(Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % PARTITIONS, host);
        }
        return new ArrayList<>(hosts.values());
    }

    static FetchSettings fetch(String userAgent) {
        return new FetchSettings(userAgent + "/0.1 (+http://127.0.0.1/)", Duration.ofSeconds(5), Duration.ofSeconds(10),
                1_000_000).allowing("127.0.0.0/8");
    }

    @Test
    void hostsAreSplitBetweenInstancesAndHandedOverWhenOneStopsWithEveryArticleOnce() throws Exception {
        Topics topics = CrawlerIT.newTopics("scale", PARTITIONS);
        String applicationId = topics.prefix() + "crawler";
        try (TestNewsSite site = TestNewsSite.start(onePerPartition(), ARTICLES_PER_HOST)) {
            List<Source> sources = new ArrayList<>();
            for (String host : site.hosts()) {
                String base = site.base(host).toString();
                sources.add(new Source.Site("site-" + host.replace('.', '-'), List.of(site.base(host)),
                        new FollowRules(List.of(Pattern.compile("^" + Pattern.quote(base))), List.of(), 1, 1000), null,
                        Duration.ofMillis(250)));
            }
            Crawler a = start(topics, applicationId, "NewsflowA", dir.resolve("a"), sources);
            Crawler b = start(topics, applicationId, "NewsflowB", dir.resolve("b"), sources);
            try {
                // Both in the group with their share of the partitions before anything is seeded.
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        a.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                                && b.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                                && !a.frontierPartitions().isEmpty() && !b.frontierPartitions().isEmpty()
                                && a.frontierPartitions().size() + b.frontierPartitions().size() == PARTITIONS);
                Set<Integer> partitionsOfA = a.frontierPartitions();
                a.seed();

                // Let A fetch part of its hosts, then stop it.
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        site.requests().stream().filter(r -> r.userAgent().startsWith("NewsflowA")
                                && r.path().startsWith("/a/")).count() >= 8);
                long closedAt = System.nanoTime();
                a.close();
                List<TestNewsSite.Request> beforeClose = site.requests().stream()
                        .filter(r -> r.nanoTime() < closedAt).toList();

                assertThat(b.awaitIdle(Duration.ofSeconds(120))).as("crawl finished on B").isTrue();
                List<TestNewsSite.Request> all = site.requests();

                // While both ran, each host was fetched by one instance only, the one owning its partition.
                Map<String, Set<String>> agentsByHost = beforeClose.stream().collect(Collectors.groupingBy(
                        TestNewsSite.Request::host, Collectors.mapping(r -> agent(r), Collectors.toSet())));
                assertThat(agentsByHost.values()).allSatisfy(agents -> assertThat(agents).hasSize(1));
                for (String host : site.hosts()) {
                    int partition = Utils.toPositive(Utils.murmur2(host.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                    String owner = partitionsOfA.contains(partition) ? "NewsflowA" : "NewsflowB";
                    assertThat(agentsByHost.getOrDefault(host, Set.of(owner))).containsExactly(owner);
                }
                assertThat(agentsByHost.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrder("NewsflowA", "NewsflowB");

                // After the close, A fetched nothing more and B finished A's hosts.
                List<TestNewsSite.Request> afterClose = all.stream().filter(r -> r.nanoTime() >= closedAt).toList();
                assertThat(afterClose).allSatisfy(r -> assertThat(agent(r)).isEqualTo("NewsflowB"));
                Set<String> hostsOfA = beforeClose.stream().filter(r -> agent(r).equals("NewsflowA"))
                        .map(TestNewsSite.Request::host).collect(Collectors.toSet());
                assertThat(afterClose.stream().map(TestNewsSite.Request::host).collect(Collectors.toSet()))
                        .containsAll(hostsOfA);

                // Every page fetched exactly once (robots.txt is asked by each instance for itself).
                Map<String, Long> fetches = all.stream().filter(r -> !r.path().equals("/robots.txt"))
                        .collect(Collectors.groupingBy(r -> r.host() + r.path(), Collectors.counting()));
                assertThat(fetches).hasSize(PARTITIONS * (ARTICLES_PER_HOST + 1));
                assertThat(fetches.values()).allMatch(n -> n == 1);

                // Every expected article exactly once on news.articles.raw (read_committed).
                List<ConsumerRecord<String, byte[]>> articles = TopicReader.read(
                        EmbeddedKafka.shared().bootstrapServers(), topics.articlesRaw(), PARTITIONS * ARTICLES_PER_HOST,
                        Duration.ofSeconds(60), Duration.ofSeconds(3));
                Map<String, Integer> counts = new HashMap<>();
                articles.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
                System.out.printf("scale-out: A owned partitions %s (hosts %s); requests %d before the close, %d after;"
                                + " articles %d, distinct %d%n", partitionsOfA, hostsOfA, beforeClose.size(),
                        afterClose.size(), articles.size(), counts.size());
                assertThat(counts.keySet()).isEqualTo(new HashSet<>(site.expectedArticleIds()));
                assertThat(counts.values()).allMatch(n -> n == 1);
            } finally {
                a.close();
                b.close();
            }
        }
    }

    static String agent(TestNewsSite.Request r) {
        return r.userAgent() == null ? "" : r.userAgent().substring(0, r.userAgent().indexOf('/'));
    }

    static Crawler start(Topics topics, String applicationId, String agent, Path state, List<Source> sources) {
        ProducerSettings settings = new ProducerSettings(EmbeddedKafka.shared().bootstrapServers(), topics, null,
                fetch(agent), Duration.ofMinutes(10), Map.of(), CrawlSettings.defaults(applicationId, state));
        return Crawler.start(settings, sources, RecordSerdes.singleObject(), CrawlMetrics.unexported(),
                Duration.ofSeconds(90));
    }
}
