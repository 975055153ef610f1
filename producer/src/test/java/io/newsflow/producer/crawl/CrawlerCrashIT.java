package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.schemas.Topics;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producer crash (issue 7): the crawler runs as a child JVM ({@link CrawlerProcess}) and is killed with
 * SIGKILL twice mid-crawl, then restarted on the same state folder each time. Afterwards every expected
 * article id is on {@code news.articles.raw} exactly once ({@code read_committed}), and the server's log
 * shows which pages were fetched twice: only pages in flight (or applied but not yet committed) at a kill
 * may be, because their transaction was aborted; the start pages are polled again on each restart by design.
 * The counts are printed. Bigger run: {@code -Dnewsflow.crash.pages=200} (articles per host).
 */
class CrawlerCrashIT {

    @TempDir
    Path dir;

    @Test
    void killedTwiceWithSigkillEveryArticleIsPublishedOnceAndOnlyInFlightPagesAreFetchedAgain() throws Exception {
        int perHost = Integer.getInteger("newsflow.crash.pages", 40);
        Topics topics = CrawlerIT.newTopics("crawlcrash", 3);
        try (TestNewsSite site = TestNewsSite.start(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"),
                perHost)) {
            List<Long> kills = new ArrayList<>();
            int total = 4 * perHost;
            for (int kill = 1; kill <= 2; kill++) {
                Process crawler = start(site, topics, "run-" + kill);
                long articlesBefore = articleRequests(site);
                long target = articlesBefore + total / 4;
                await().atMost(Duration.ofMinutes(3)).until(() -> articleRequests(site) >= target || !crawler.isAlive());
                crawler.destroyForcibly().waitFor();
                kills.add(System.nanoTime());
            }
            Process last = start(site, topics, "run-last");
            try {
                await().atMost(Duration.ofMinutes(5)).until(() -> log("run-last").contains(CrawlerProcess.IDLE));

                List<ConsumerRecord<String, byte[]>> articles = TopicReader.read(EmbeddedKafka.shared().bootstrapServers(),
                        topics.articlesRaw(), total, Duration.ofSeconds(60), Duration.ofSeconds(3));
                Map<String, Integer> counts = new HashMap<>();
                articles.forEach(r -> counts.merge(r.key(), 1, Integer::sum));
                long duplicates = counts.values().stream().filter(c -> c > 1).count();
                long missing = site.expectedArticleIds().stream().filter(id -> !counts.containsKey(id)).count();

                Map<String, List<Long>> fetchTimes = site.requests().stream()
                        .filter(r -> r.path().startsWith("/a/"))
                        .collect(Collectors.groupingBy(r -> r.host() + r.path(),
                                Collectors.mapping(TestNewsSite.Request::nanoTime, Collectors.toList())));
                List<String> refetched = fetchTimes.entrySet().stream().filter(e -> e.getValue().size() > 1)
                        .map(Map.Entry::getKey).sorted().toList();
                System.out.printf("crawler crash: %d articles expected, %d records on news.articles.raw, %d distinct, "
                                + "missing %d, duplicates %d; %d of %d article pages fetched twice %s%n", total,
                        articles.size(), counts.size(), missing, duplicates, refetched.size(), fetchTimes.size(),
                        refetched);

                assertThat(missing).isZero();
                assertThat(duplicates).isZero();
                assertThat(counts.keySet()).isEqualTo(new HashSet<>(site.expectedArticleIds()));
                // Each page fetched twice was fetched once before a kill and once after it, never twice in one run,
                // and no more pages than the fetch slots (8) of the two killed runs were repeated.
                for (String page : refetched) {
                    List<Long> times = fetchTimes.get(page);
                    assertThat(times).hasSize(2);
                    assertThat(kills.stream().anyMatch(k -> times.get(0) < k && times.get(1) > k)).as(page).isTrue();
                }
                assertThat(refetched.size()).isLessThanOrEqualTo(2 * 2 * 8);
            } finally {
                last.destroyForcibly().waitFor();
            }
        }
    }

    static long articleRequests(TestNewsSite site) {
        return site.requests().stream().filter(r -> r.path().startsWith("/a/")).count();
    }

    String log(String name) throws Exception {
        Path file = dir.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private Process start(TestNewsSite site, Topics topics, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrawlerProcess.class.getName(), EmbeddedKafka.shared().bootstrapServers(), topics.prefix(),
                dir.resolve("state").toString(), "50"));
        site.hosts().forEach(h -> command.add(site.base(h).toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), name + ".log"));
        return pb.start();
    }
}
