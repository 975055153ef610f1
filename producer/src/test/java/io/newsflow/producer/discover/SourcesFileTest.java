package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.producer.politeness.RepollSchedule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesFileTest {

    static final String GOOD = """
            sources:
              - id: courier
                kind: site
                start: ['${site}archive/']
                allow: ['^${site}(archive|articles)/']
                deny: ['\\?print=1']
                pagination: 'a[rel=next]'
                max-depth: 1
                max-pages: 50
                delay-ms: 250
              - id: saved
                kind: folder
                path: ./archive
            """;

    @Test
    void readsSiteAndFolderSourcesWithVariablesReplaced() {
        List<Source> sources = SourcesFile.parse(GOOD, Map.of("site", "http://127.0.0.1:8000/"), "test");

        assertThat(sources).hasSize(2);
        Source.Site site = (Source.Site) sources.get(0);
        assertThat(site.start()).containsExactly(URI.create("http://127.0.0.1:8000/archive/"));
        assertThat(site.delay()).isEqualTo(Duration.ofMillis(250));
        assertThat(site.rules().maxDepth()).isEqualTo(1);
        assertThat(site.rules().follows("http://127.0.0.1:8000/articles/a.html")).isTrue();
        assertThat(site.rules().follows("http://127.0.0.1:8000/articles/a.html?print=1")).isFalse();
        assertThat(site.rules().follows("http://elsewhere.example/articles/a.html")).isFalse();
        Source.Folder folder = (Source.Folder) sources.get(1);
        assertThat(folder.glob()).isEqualTo("*.{html,htm}");
    }

    @Test
    void unknownKeyIsNamed() {
        String yaml = "sources:\n  - id: x\n    kind: site\n    start: [http://a.example/]\n    maxdepth: 2\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (x): unknown key 'maxdepth'");
    }

    @Test
    void duplicateIdIsRefused() {
        String yaml = "sources:\n  - {id: x, kind: folder, path: a}\n  - {id: x, kind: folder, path: b}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml")).hasMessageContaining("duplicate id 'x'");
    }

    @Test
    void invalidRegexIsNamed() {
        String yaml = "sources:\n  - {id: x, kind: site, start: 'http://a.example/', allow: ['(']}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("'allow' pattern '(' is not a valid regex");
    }

    @Test
    void nonHttpStartUrlIsRefused() {
        String yaml = "sources:\n  - {id: x, kind: site, start: 'ftp://a.example/'}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml")).hasMessageContaining("must be http or https");
    }

    @Test
    void unknownKindIsRefused() {
        String yaml = "sources:\n  - {id: x, kind: rss}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml")).hasMessageContaining("unknown kind 'rss'");
    }

    static final String NEW_KINDS = """
            sources:
              - id: courier-feeds
                kind: feed
                feeds: ['${site}rss.xml', '${site}atom.xml']
                allow: ['/articles/']
                repoll-min-ms: 60000
                repoll-max-ms: 3600000
                delay-ms: 500
              - id: courier-sitemaps
                kind: sitemap
                sitemaps: '${site}news-sitemap.xml'
                deny: ['/tag/']
                max-pages: 200
              - id: cc-news
                kind: warc
                path: ./warc
                allow: ['^https://news\\.example/']
            """;

    @Test
    void readsFeedSitemapAndWarcSources() {
        List<Source> sources = SourcesFile.parse(NEW_KINDS, Map.of("site", "https://news.example/"), "test");

        Source.Feed feed = (Source.Feed) sources.get(0);
        assertThat(feed.feeds()).containsExactly(URI.create("https://news.example/rss.xml"),
                URI.create("https://news.example/atom.xml"));
        assertThat(feed.repoll()).isEqualTo(new RepollSchedule(Duration.ofMinutes(1), Duration.ofHours(1)));
        assertThat(feed.delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(feed.rules().maxDepth()).isEqualTo(1);
        assertThat(feed.rules().follows("https://news.example/articles/a.html")).isTrue();
        assertThat(feed.rules().follows("https://news.example/video/a.html")).isFalse();

        Source.Sitemap sitemap = (Source.Sitemap) sources.get(1);
        assertThat(sitemap.sitemaps()).containsExactly(URI.create("https://news.example/news-sitemap.xml"));
        assertThat(sitemap.rules().maxPages()).isEqualTo(200);
        assertThat(sitemap.rules().follows("https://news.example/tag/port")).isFalse();
        assertThat(sitemap.repoll()).isEqualTo(new RepollSchedule(Duration.ofMinutes(15), Duration.ofHours(24)));
        assertThat(sitemap.delay()).isEqualTo(Duration.ofSeconds(1));

        Source.Warc warc = (Source.Warc) sources.get(2);
        assertThat(warc.path()).isEqualTo(Path.of("./warc"));
        assertThat(warc.glob()).isEqualTo("*.{warc,warc.gz}");
        assertThat(warc.rules().maxDepth()).isZero();
        assertThat(warc.rules().follows("https://news.example/a.html")).isTrue();
        assertThat(warc.rules().follows("https://other.example/a.html")).isFalse();
    }

    @Test
    void feedDefaultsToFiveMinutesToSixHours() {
        String yaml = "sources:\n  - {id: f, kind: feed, feeds: 'https://news.example/rss.xml'}\n";
        Source.Feed feed = (Source.Feed) SourcesFile.parse(yaml, Map.of(), "f.yaml").get(0);

        assertThat(feed.repoll()).isEqualTo(new RepollSchedule(Duration.ofMinutes(5), Duration.ofHours(6)));
    }

    @Test
    void repollMinimumAboveMaximumIsRefused() {
        String yaml = "sources:\n  - {id: f, kind: feed, feeds: 'https://a.example/rss', repoll-min-ms: 7200000,"
                + " repoll-max-ms: 3600000}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (f): 'repoll-min-ms' (7200000) is greater than 'repoll-max-ms'"
                        + " (3600000)");
    }

    @Test
    void repollMinimumMustBePositiveAndANumber() {
        String zero = "sources:\n  - {id: f, kind: sitemap, sitemaps: 'https://a.example/s.xml', repoll-min-ms: 0}\n";
        assertThatThrownBy(() -> SourcesFile.parse(zero, Map.of(), "f.yaml"))
                .hasMessageContaining("'repoll-min-ms' must be at least 1");
        String words = "sources:\n  - {id: f, kind: sitemap, sitemaps: 'https://a.example/s.xml', repoll-max-ms: 1h}\n";
        assertThatThrownBy(() -> SourcesFile.parse(words, Map.of(), "f.yaml"))
                .hasMessageContaining("'repoll-max-ms' must be a whole number of milliseconds, got '1h'");
    }

    @Test
    void feedNeedsAtLeastOneHttpUrl() {
        String none = "sources:\n  - {id: f, kind: feed}\n";
        assertThatThrownBy(() -> SourcesFile.parse(none, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (f): 'feeds' needs at least one URL");
        String ftp = "sources:\n  - {id: f, kind: feed, feeds: ['ftp://a.example/rss']}\n";
        assertThatThrownBy(() -> SourcesFile.parse(ftp, Map.of(), "f.yaml"))
                .hasMessageContaining("'feeds' URL 'ftp://a.example/rss' must be http or https");
        String bad = "sources:\n  - {id: f, kind: sitemap, sitemaps: ['https://a.example/a b|c']}\n";
        assertThatThrownBy(() -> SourcesFile.parse(bad, Map.of(), "f.yaml"))
                .hasMessageContaining("'sitemaps' URL 'https://a.example/a b|c' is not a valid URL");
    }

    @Test
    void keysOfOtherKindsAreRefused() {
        String yaml = "sources:\n  - {id: s, kind: sitemap, sitemaps: 'https://a.example/s.xml', pagination: 'a'}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (s): unknown key 'pagination'");
        String warc = "sources:\n  - {id: w, kind: warc, path: a, max-depth: 2}\n";
        assertThatThrownBy(() -> SourcesFile.parse(warc, Map.of(), "f.yaml"))
                .hasMessageContaining("unknown key 'max-depth'");
    }

    @Test
    void warcNeedsAPathAndEverySourceAnId() {
        assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - {id: w, kind: warc}\n", Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (w): 'path' is required");
        assertThatThrownBy(() -> SourcesFile.parse("sources:\n  - {kind: warc, path: a}\n", Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0]: 'id' is required");
    }

    @Test
    void duplicateIdsAcrossKindsAreRefused() {
        String yaml = "sources:\n  - {id: x, kind: warc, path: a}\n  - {id: x, kind: feed, feeds: 'https://a.example/f'}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[1]: duplicate id 'x'");
    }

    @Test
    void invalidFollowRulesNameTheEntry() {
        String yaml = "sources:\n  - {id: f, kind: feed, feeds: 'https://a.example/f', max-pages: 0}\n";
        assertThatThrownBy(() -> SourcesFile.parse(yaml, Map.of(), "f.yaml"))
                .hasMessageContaining("f.yaml: sources[0] (f): max-pages must be at least 1");
    }

    @Test
    void theReadmeExampleIsValid() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### Sources file");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));

        assertThat(SourcesFile.parse(yaml, Map.of(), "README.md"))
                .extracting(s -> s.getClass().getSimpleName())
                .containsExactly("Site", "Folder", "Feed", "Sitemap", "Warc");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> SourcesFile.parse("", Map.of(), "f.yaml")).hasMessageContaining("'sources:'");
    }
}
