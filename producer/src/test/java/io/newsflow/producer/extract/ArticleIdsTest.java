package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void idIsFirst32HexDigitsOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assertThat(ArticleIds.fromCanonicalUrl("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
    }

    @Test
    void sameUrlGivesSameId() {
        assertThat(ArticleIds.fromCanonicalUrl("https://news.example/a.html"))
                .isEqualTo(ArticleIds.fromCanonicalUrl("https://news.example/a.html"));
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        assertThat(ArticleIds.fromCanonicalUrl("https://news.example/a.html"))
                .isNotEqualTo(ArticleIds.fromCanonicalUrl("https://news.example/b.html"));
    }

    @Test
    void idIsLowerCaseHexOf32Characters() {
        assertThat(ArticleIds.fromCanonicalUrl("https://news.example/ü.html")).matches("[0-9a-f]{32}");
    }
}
