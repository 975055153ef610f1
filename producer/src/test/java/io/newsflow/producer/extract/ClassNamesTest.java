package io.newsflow.producer.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ad-slot              | 1",
            "heading              | 0",
            "site-header sticky   | 1",
            "shareBar             | 1",
            "sr-only              | 1",
            "has-[&_a]:underline  | 0",
            "md:hidden nav-mobile | 1",
            "headline reading     | 0"})
    void chromeNamesAreWholeWords(String classes, int chrome) {
        assertThat(ClassNames.compute(classes) & ClassNames.CHROME).isEqualTo(chrome == 1 ? ClassNames.CHROME : 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "article-body        | true",
            "articleBody         | true",
            "entry_content clear | true",
            "content             | false",
            "body-wrapper        | false"})
    void storyContainerNamesAreCompoundNames(String classes, boolean story) {
        assertThat((ClassNames.compute(classes) & ClassNames.STORY) != 0).isEqualTo(story);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "post-author   | true",
            "byline        | true",
            "authorization | false"})
    void authorNames(String classes, boolean author) {
        assertThat((ClassNames.compute(classes) & ClassNames.AUTHOR) != 0).isEqualTo(author);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "hub-header               | false",
            "content-nav-section      | false",
            "skip-item                | false",
            "nav comments             | true",
            "site-footer              | true",
            "share-bar                | true",
            "visually-hidden          | true"})
    void chromeByWhatItHoldsIsToldFromChromeByItsPlace(String classes, boolean kind) {
        int flags = ClassNames.compute(classes);
        assertThat(flags & ClassNames.CHROME).isEqualTo(ClassNames.CHROME);
        assertThat((flags & ClassNames.CHROME_KIND) != 0).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "article-body sidebar-left",
            "nav-link",
            "x",
            "post   ",
            "a1-share"})
    void theCacheGivesWhatComputingGives(String classes) {
        ClassNames names = new ClassNames();
        org.jsoup.nodes.Attributes attributes = new org.jsoup.nodes.Attributes().put("class", classes);
        assertThat(names.of(attributes)).isEqualTo(ClassNames.compute(classes));
        assertThat(names.of(attributes)).isEqualTo(ClassNames.compute(classes));
    }
}
