package io.newsflow.producer.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrapRulesTest {

    final TrapRules rules = new TrapRules(Clock.fixed(Instant.parse("2025-03-10T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void repeatingPathSegmentsAreATrap() {
        assertThat(rules.check("https://news.example/a/b/a/b/a/story")).contains("repeats 3 times");
        assertThat(rules.check("https://news.example/world/europe/story")).isNull();
    }

    @Test
    void calendarPagesAreATrapButDatedArticlePathsAreNot() {
        assertThat(rules.check("https://news.example/calendar/2025/04/")).contains("calendar");
        assertThat(rules.check("https://news.example/events?month=2025-06")).contains("calendar");
        assertThat(rules.check("https://news.example/archive/2031/01/")).contains("more than a year ahead");
        assertThat(rules.check("https://news.example/2025/03/10/harbour-news")).isNull();
        assertThat(rules.check("https://news.example/p/2999-ways-to-save")).isNull();
    }

    @Test
    void sessionIdsInQueryOrPathAreATrap() {
        assertThat(rules.check("https://news.example/list?page=2&PHPSESSID=abc")).contains("phpsessid");
        assertThat(rules.check("https://news.example/list;jsessionid=ABC123?x=1")).contains("session id");
        assertThat(rules.check("https://news.example/search?s=harbour")).isNull();
    }

    @Test
    void overLongUrlsAreATrap() {
        assertThat(rules.check("https://news.example/" + "a".repeat(TrapRules.MAX_LENGTH))).contains("longer than");
    }
}
