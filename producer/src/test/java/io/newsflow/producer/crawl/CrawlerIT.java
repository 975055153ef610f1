package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.producer.ProducerSettings;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.Article;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.TopicSetup;
import io.newsflow.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler on a real (embedded) broker: the sample site, a folder, and a second run on the same state. */
class CrawlerIT {

    static final FetchSettings FETCH = new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)",
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000_000).allowing("127.0.0.0/8");

    @TempDir
    Path dir;

    static Topics newTopics(String name, int partitions) {
        Topics topics = new Topics(name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.shared().bootstrapServers()))) {
            TopicSetup.ensure(admin, topics, partitions, (short) 1);
        }
        return topics;
    }

    static ProducerSettings settings(Topics topics, FetchSettings fetch, CrawlSettings crawl) {
        return new ProducerSettings(EmbeddedKafka.shared().bootstrapServers(), topics, null, fetch,
                Duration.ofMinutes(10), Map.of(), crawl);
    }

    @Test
    void crawlsTheSampleSiteOnceThenASecondRunPublishesNothingAgain() throws Exception {
        Topics topics = newTopics("crawl", 3);
        CrawlSettings crawl = CrawlSettings.defaults(topics.prefix() + "crawler", dir);
        CrawlReport first;
        CrawlReport second;
        try (SampleSite site = SampleSite.start()) {
            String base = site.baseUri().toString();
            List<Source> sources = List.of(new Source.Site("sample", List.of(site.baseUri()),
                    new FollowRules(List.of(Pattern.compile("^" + Pattern.quote(base))), List.of(), 1, 100),
                    "a[rel=next]", Duration.ZERO));
            try (Crawler crawler = Crawler.start(settings(topics, FETCH, crawl), sources, RecordSerdes.singleObject(),
                    CrawlMetrics.unexported(), Duration.ofSeconds(60))) {
                first = crawler.crawlOnce(Duration.ofSeconds(90));
            }
            // Same application id and state: the seen-set survived, only the start page is polled again.
            try (Crawler crawler = Crawler.start(settings(topics, FETCH, crawl), sources, RecordSerdes.singleObject(),
                    CrawlMetrics.unexported(), Duration.ofSeconds(60))) {
                second = crawler.crawlOnce(Duration.ofSeconds(90));
            }
        }

        assertThat(first.toString()).isEqualTo("urls=12 {ARTICLE=9, LISTING=2, NOT_ARTICLE=1} articles=9");
        assertThat(second.total()).isEqualTo(1);
        assertThat(second.countOf(FetchOutcome.LISTING)).isEqualTo(1);
        assertThat(second.articleIds()).isEmpty();

        List<ConsumerRecord<String, byte[]>> articles = TopicReader.read(EmbeddedKafka.shared().bootstrapServers(),
                topics.articlesRaw(), 9, Duration.ofSeconds(30), Duration.ofSeconds(2));
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        assertThat(articles).hasSize(9);
        for (ConsumerRecord<String, byte[]> r : articles) {
            Article a = articleSerde.decode(r.value());
            assertThat(r.key()).isEqualTo(a.getId());
            assertThat(a.getSourceId()).isEqualTo("sample");
        }
        assertThat(articles).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(first.articleIds());

        List<ConsumerRecord<String, byte[]>> statuses = TopicReader.read(EmbeddedKafka.shared().bootstrapServers(),
                topics.fetchStatus(), 13, Duration.ofSeconds(30), Duration.ofSeconds(2));
        AvroSerde<FetchStatus> statusSerde = AvroSerde.of(FetchStatus.class);
        List<FetchStatus> outcomes = statuses.stream().map(r -> statusSerde.decode(r.value())).toList();
        assertThat(outcomes).filteredOn(s -> s.getUrl().contains("about"))
                .singleElement().extracting(FetchStatus::getOutcome).isEqualTo(FetchOutcome.NOT_ARTICLE);
        assertThat(statuses).allSatisfy(r -> assertThat(r.key()).isEqualTo(statusSerde.decode(r.value()).getUrl()));
    }

    @Test
    void folderSourceListsItsFilesAndPublishesTheArticlesAmongThem() throws Exception {
        Topics topics = newTopics("folder", 3);
        Path folder = Files.createDirectories(dir.resolve("saved"));
        Files.createDirectories(folder.resolve("2025"));
        Files.writeString(folder.resolve("2025/storm.html"), SampleSite.resource("articles/storm-isolde-floods-lower-town.html"));
        Files.writeString(folder.resolve("about.html"), SampleSite.resource("about.html"));
        Files.writeString(folder.resolve("notes.txt"), "not matched by the glob");
        List<Source> sources = List.of(new Source.Folder("saved", folder, "*.html"),
                new Source.Folder("gone", dir.resolve("nope"), "*.html"));
        CrawlReport report;
        try (Crawler crawler = Crawler.start(settings(topics, FETCH,
                CrawlSettings.defaults(topics.prefix() + "crawler", dir.resolve("state"))), sources,
                RecordSerdes.singleObject(), CrawlMetrics.unexported(), Duration.ofSeconds(60))) {
            report = crawler.crawlOnce(Duration.ofSeconds(90));
            List<FetchStatus> statuses = crawler.statusesSinceStart();
            assertThat(statuses).filteredOn(s -> s.getSourceId().equals("gone")).singleElement().satisfies(s -> {
                assertThat(s.getOutcome()).isEqualTo(FetchOutcome.FAILED);
                assertThat(s.getReason()).contains("not a folder");
            });
            assertThat(statuses).filteredOn(s -> s.getUrl().endsWith("storm.html")).singleElement()
                    .extracting(FetchStatus::getOutcome).isEqualTo(FetchOutcome.ARTICLE);
        }
        assertThat(report.toString()).isEqualTo("urls=4 {ARTICLE=1, LISTING=1, NOT_ARTICLE=1, FAILED=1} articles=1");
    }
}
