package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlNormalizerTest {

    @Test
    void lowerCasesSchemeAndHost() {
        assertThat(UrlNormalizer.normalize("HTTP://News.Example.COM/Story.html"))
                .isEqualTo("http://news.example.com/Story.html");
    }

    @Test
    void dropsDefaultPortAndKeepsOthers() {
        assertThat(UrlNormalizer.normalize("http://news.example:80/a")).isEqualTo("http://news.example/a");
        assertThat(UrlNormalizer.normalize("http://127.0.0.1:8080/a")).isEqualTo("http://127.0.0.1:8080/a");
    }

    @Test
    void dropsFragment() {
        assertThat(UrlNormalizer.normalize("https://news.example/a.html#comments"))
                .isEqualTo("https://news.example/a.html");
    }

    @Test
    void resolvesDotSegments() {
        assertThat(UrlNormalizer.normalize("https://news.example/a/../b/./c.html"))
                .isEqualTo("https://news.example/b/c.html");
    }

    @Test
    void addsRootPathToBareHost() {
        assertThat(UrlNormalizer.normalize("https://news.example")).isEqualTo("https://news.example/");
    }

    @Test
    void encodesSpacesInPath() {
        assertThat(UrlNormalizer.normalize("https://news.example/a b.html")).isEqualTo("https://news.example/a%20b.html");
    }

    @Test
    void isIdempotent() {
        String once = UrlNormalizer.normalize("HTTPS://News.Example:443/x/../y?b=2&a=1#top");
        assertThat(UrlNormalizer.normalize(once)).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "mailto:desk@news.example", "/relative/path.html", "http://bad host/"})
    void returnsUnparseableInputUnchanged(String input) {
        assertThat(UrlNormalizer.normalize(input)).isEqualTo(input);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void returnsMissingInputUnchanged(String input) {
        assertThat(UrlNormalizer.normalize(input)).isEqualTo(input);
    }
}
