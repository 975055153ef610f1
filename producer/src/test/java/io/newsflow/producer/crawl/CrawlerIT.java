package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.broker.EmbeddedKafka;
import io.newsflow.broker.TopicReader;
import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.publish.KafkaPublisher;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.Article;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Crawls the bundled sample site and publishes to a real (embedded) broker. */
class CrawlerIT {

    static final FetchSettings FETCH = new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)",
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000_000);

    @Test
    void publishesEveryArticleOfTheSampleSiteKeyedByIdAndAStatusForEveryUrl() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        Topics topics = new Topics("crawl-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        CrawlReport report;
        try (SampleSite site = SampleSite.start();
             KafkaPublisher publisher = new KafkaPublisher(kafka.bootstrapServers(), topics, Map.of())) {
            String base = site.baseUri().toString();
            Source.Site source = new Source.Site("sample", List.of(site.baseUri()),
                    new FollowRules(List.of(Pattern.compile("^" + Pattern.quote(base))), List.of(), 1, 100),
                    "a[rel=next]", Duration.ZERO);
            report = new Crawler(new HttpFetcher(FETCH), new ArticleExtractor(), publisher, Clock.systemUTC())
                    .crawl(List.of(source));
        }

        List<ConsumerRecord<String, byte[]>> articles = TopicReader.read(kafka.bootstrapServers(), topics.articlesRaw(), report.articleIds().size());
        List<ConsumerRecord<String, byte[]>> statuses = TopicReader.read(kafka.bootstrapServers(), topics.fetchStatus(), report.total());

        assertThat(report.articleIds()).hasSizeGreaterThanOrEqualTo(8);
        AvroSerde<Article> articleSerde = AvroSerde.of(Article.class);
        assertThat(articles).hasSize(report.articleIds().size());
        for (ConsumerRecord<String, byte[]> r : articles) {
            Article a = articleSerde.decode(r.value());
            assertThat(r.key()).isEqualTo(a.getId());
            assertThat(a.getUrl()).doesNotContain("about");
            assertThat(a.getSourceId()).isEqualTo("sample");
        }
        AvroSerde<FetchStatus> statusSerde = AvroSerde.of(FetchStatus.class);
        List<FetchStatus> outcomes = new ArrayList<>();
        statuses.forEach(r -> outcomes.add(statusSerde.decode(r.value())));
        assertThat(outcomes).hasSize(report.total());
        assertThat(outcomes).filteredOn(s -> s.getUrl().contains("about"))
                .singleElement().extracting(FetchStatus::getOutcome).isEqualTo(FetchOutcome.NOT_ARTICLE);
        assertThat(outcomes).filteredOn(s -> s.getOutcome() == FetchOutcome.LISTING).hasSize(2);
        assertThat(outcomes).filteredOn(s -> s.getOutcome() == FetchOutcome.ARTICLE)
                .hasSize(report.articleIds().size());
    }
}
