package io.newsflow.producer.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> SourcesFile.parse("", Map.of(), "f.yaml")).hasMessageContaining("'sources:'");
    }
}
