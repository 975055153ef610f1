package io.newsflow.producer.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.extract.ArticleExtractor;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.producer.fetch.HttpFetcher;
import io.newsflow.producer.publish.CrawlSink;
import io.newsflow.producer.sample.SampleSite;
import io.newsflow.schema.Article;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl stages without Kafka: results collected by an in-memory {@link CrawlSink}. */
class CrawlerTest {

    static final FetchSettings FETCH = new FetchSettings("Newsflow-test/0.1 (+http://127.0.0.1/)",
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1_000_000);

    /** Keeps what the crawler hands over, in order. */
    static final class CollectingSink implements CrawlSink {
        final List<Article> articles = new ArrayList<>();
        final List<FetchStatus> statuses = new ArrayList<>();
        int flushes;

        @Override
        public void article(Article article) {
            articles.add(article);
        }

        @Override
        public void status(FetchStatus status) {
            statuses.add(status);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
        }
    }

    @TempDir
    Path folder;

    final CrawlMetrics metrics = CrawlMetrics.unexported();

    Crawler crawler(CollectingSink sink) {
        return new Crawler(new HttpFetcher(FETCH), new ArticleExtractor(), sink, Clock.systemUTC(), metrics);
    }

    @Test
    void folderSourcePublishesEachArticleFileAndReportsTheOthers() throws Exception {
        Files.createDirectories(folder.resolve("2025"));
        Files.writeString(folder.resolve("2025/storm.html"), SampleSite.resource("articles/storm-isolde-floods-lower-town.html"));
        Files.writeString(folder.resolve("about.html"), SampleSite.resource("about.html"));
        Files.writeString(folder.resolve("notes.txt"), "not matched by the glob");
        CollectingSink sink = new CollectingSink();

        CrawlReport report = crawler(sink).crawl(List.of(new Source.Folder("saved", folder, "*.html")));

        assertThat(sink.articles).singleElement().satisfies(a -> {
            assertThat(a.getTitle()).startsWith("Storm Isolde floods lower town");
            assertThat(a.getSourceId()).isEqualTo("saved");
            assertThat(a.getUrl()).startsWith("file:");
        });
        assertThat(sink.statuses).extracting(FetchStatus::getOutcome)
                .containsExactlyInAnyOrder(FetchOutcome.ARTICLE, FetchOutcome.NOT_ARTICLE);
        assertThat(report.countOf(FetchOutcome.ARTICLE)).isEqualTo(1);
        assertThat(sink.flushes).isEqualTo(1);
    }

    @Test
    void missingFolderIsReportedAsAFailedStatus() {
        CollectingSink sink = new CollectingSink();

        crawler(sink).crawl(List.of(new Source.Folder("gone", folder.resolve("nope"), "*.html")));

        assertThat(sink.statuses).singleElement().satisfies(s -> {
            assertThat(s.getOutcome()).isEqualTo(FetchOutcome.FAILED);
            assertThat(s.getReason()).contains("not a folder");
        });
    }

    @Test
    void maxDepthZeroFetchesOnlyTheStartPageAndItsPagination() {
        CollectingSink sink = new CollectingSink();
        try (SampleSite site = SampleSite.start()) {
            Source.Site source = new Source.Site("sample", List.of(site.baseUri()),
                    new FollowRules(List.of(), List.of(), 0, 100), "a[rel=next]", Duration.ZERO);

            crawler(sink).crawl(List.of(source));
        }

        assertThat(sink.statuses).extracting(s -> s.getUrl().replaceFirst("http://127.0.0.1:\\d+", ""))
                .containsExactly("/", "/archive/page/2/");
        assertThat(sink.articles).isEmpty();
    }

    @Test
    void denyPatternKeepsMatchingLinksOutAndMaxPagesCapsTheCrawl() {
        CollectingSink sink = new CollectingSink();
        try (SampleSite site = SampleSite.start()) {
            Source.Site source = new Source.Site("sample", List.of(site.baseUri()),
                    new FollowRules(List.of(), List.of(Pattern.compile("election|about")), 1, 5), "a[rel=next]",
                    Duration.ZERO);

            crawler(sink).crawl(List.of(source));
        }

        assertThat(sink.statuses).hasSize(5);
        assertThat(sink.statuses).noneMatch(s -> s.getUrl().contains("election") || s.getUrl().contains("about"));
    }

    @Test
    void everyFetchedUrlGetsExactlyOneStatus() {
        CollectingSink sink = new CollectingSink();
        try (SampleSite site = SampleSite.start()) {
            Source.Site source = new Source.Site("sample", List.of(site.baseUri()),
                    new FollowRules(List.of(), List.of(), 1, 100), "a[rel=next]", Duration.ZERO);

            crawler(sink).crawl(List.of(source));
        }

        assertThat(sink.statuses).extracting(FetchStatus::getUrl).doesNotHaveDuplicates();
        assertThat(sink.articles).hasSize(9);
        assertThat(sink.articles).extracting(Article::getId).doesNotHaveDuplicates();
        assertThat(metrics.count(FetchOutcome.ARTICLE)).isEqualTo(9);
        assertThat(metrics.count(FetchOutcome.LISTING)).isEqualTo(2);
    }
}
