package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTest {

    private static final FollowRules RULES = new FollowRules(List.of(), List.of(), 2, 100);

    @Test
    void webSourcesKeepTheirDelayAndLocalFilesHaveNone() {
        Source site = new Source.Site("s", List.of(URI.create("https://news.example/")), RULES, null, Duration.ofSeconds(2));
        Source folder = new Source.Folder("f", Path.of("archive"), "*.html");
        Source warc = new Source.Warc("w", Path.of("crawl.warc.gz"), "*.warc.gz", RULES);

        assertThat(site.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(folder.delay()).isZero();
        assertThat(warc.delay()).isZero();
    }
}
