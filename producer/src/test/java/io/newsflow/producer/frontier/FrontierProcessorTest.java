package io.newsflow.producer.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.producer.discover.FollowRules;
import io.newsflow.producer.discover.Source;
import io.newsflow.producer.politeness.RepollSchedule;
import io.newsflow.schema.Article;
import io.newsflow.schema.FetchOutcome;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierKind;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontier processor with {@link TopologyTestDriver}: the fetch work is a scripted function run on the
 * calling thread, and the wall clock is the driver's, so pacing and re-poll times are exact.
 */
class FrontierProcessorTest {

    static final Instant T0 = Instant.parse("2025-03-10T08:00:00Z");
    static final Topics TOPICS = Topics.DEFAULT;

    @TempDir
    Path stateDir;

    /** URLs handed to the fetch work, in order. */
    final List<String> fetched = new ArrayList<>();
    /** Scripted results by URL; anything else is a plain NOT_ARTICLE page without links. */
    final Map<String, Function<FrontierUrl, WorkResult>> script = new HashMap<>();

    TopologyTestDriver driver;
    TestInputTopic<String, FrontierUrl> frontierIn;
    TestOutputTopic<String, FrontierUrl> frontierOut;
    TestOutputTopic<String, FetchStatus> statuses;
    TestOutputTopic<String, Article> articles;
    final List<FetchStatus> allStatuses = new ArrayList<>();

    void start(Source... sources) {
        Map<String, Source> byId = new HashMap<>();
        for (Source s : sources) {
            byId.put(s.id(), s);
        }
        FetchWork work = u -> {
            fetched.add(u.getUrl());
            return script.getOrDefault(u.getUrl(), x -> page(x, FetchOutcome.NOT_ARTICLE)).apply(u);
        };
        FrontierRuntime runtime = new FrontierRuntime(byId, work, Runnable::run, new FrontierProgress(4),
                Duration.ofMillis(50), Duration.ofHours(1), new RepollSchedule(Duration.ofMinutes(5), Duration.ofHours(6)),
                Duration.ofMinutes(10), 2, new TrapRules(Clock.fixed(T0, ZoneOffset.UTC)), s -> { });
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "frontier-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(FrontierTopology.build(TOPICS, RecordSerdes.singleObject(), runtime), props, T0);
        frontierIn = driver.createInputTopic(TOPICS.frontier(), new StringSerializer(),
                AvroSerde.of(FrontierUrl.class).serializer());
        frontierOut = driver.createOutputTopic(TOPICS.frontier(), new StringDeserializer(),
                AvroSerde.of(FrontierUrl.class).deserializer());
        statuses = driver.createOutputTopic(TOPICS.fetchStatus(), new StringDeserializer(),
                AvroSerde.of(FetchStatus.class).deserializer());
        articles = driver.createOutputTopic(TOPICS.articlesRaw(), new StringDeserializer(),
                AvroSerde.of(Article.class).deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    static Source.Site site(String id, Duration delay, int maxPages) {
        return new Source.Site(id, List.of(URI.create("http://a.example/")),
                new FollowRules(List.of(), List.of(), 3, maxPages), null, delay);
    }

    static FrontierUrl seed(String url) {
        return FrontierUrls.of(url, "site", FrontierKind.PAGE, 0, null, T0.toEpochMilli(), T0.toEpochMilli());
    }

    static FrontierUrl link(String url, String from) {
        return FrontierUrls.of(url, "site", FrontierKind.PAGE, 1, from, 0, T0.toEpochMilli());
    }

    static FetchStatus.Builder status(FrontierUrl u, FetchOutcome outcome) {
        return FetchStatus.newBuilder().setUrl(u.getUrl()).setSourceId(u.getSourceId()).setOutcome(outcome)
                .setHttpStatus(200).setDepth(u.getDepth()).setTimestamp(T0);
    }

    static WorkResult page(FrontierUrl u, FetchOutcome outcome, String... links) {
        WorkResult.Builder result = WorkResult.builder().requested(true).page(status(u, outcome).build(), null);
        for (String l : links) {
            result.link(link(l, u.getUrl()));
        }
        result.fingerprint(links.length == 0 ? null : (long) String.join(",", links).hashCode());
        return result.build();
    }

    static WorkResult article(FrontierUrl u, String id) {
        Article a = Article.newBuilder().setId(id).setUrl(u.getUrl()).setCanonicalUrl("http://a.example/canonical")
                .setSourceId(u.getSourceId()).setTitle("t").setBody("b").setFetchedAt(T0).build();
        return WorkResult.builder().requested(true)
                .page(status(u, FetchOutcome.ARTICLE).setArticleId(id).build(), a).build();
    }

    /** Advances the wall clock, and feeds the links the crawler sent to news.frontier back in, as Kafka would. */
    void advance(Duration d) {
        driver.advanceWallClockTime(d);
        loopBack();
    }

    void loopBack() {
        drainStatuses();
        while (!frontierOut.isEmpty()) {
            var r = frontierOut.readRecord();
            frontierIn.pipeInput(r.key(), r.value());
            drainStatuses();
        }
    }

    void drainStatuses() {
        allStatuses.addAll(statuses.readValuesToList());
    }

    List<String> statusUrls() {
        drainStatuses();
        return allStatuses.stream().map(FetchStatus::getUrl).toList();
    }

    @Test
    void aUrlDiscoveredTwiceIsFetchedOnceAndEveryUrlGetsExactlyOneStatus() {
        start(site("site", Duration.ZERO, 100));
        script.put("http://a.example/", u -> page(u, FetchOutcome.LISTING, "http://a.example/1", "http://a.example/2"));
        script.put("http://a.example/1", u -> page(u, FetchOutcome.NOT_ARTICLE, "http://a.example/2", "http://a.example/"));

        frontierIn.pipeInput("a.example", seed("http://a.example/"));
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMillis(100));
        }
        // The same link arriving again later (from another page) is still one URL.
        frontierIn.pipeInput("a.example", link("http://a.example/2", "http://a.example/elsewhere"));
        advance(Duration.ofMillis(100));

        assertThat(fetched).containsExactly("http://a.example/", "http://a.example/1", "http://a.example/2");
        assertThat(statusUrls()).containsExactlyInAnyOrder("http://a.example/", "http://a.example/1",
                "http://a.example/2");
    }

    @Test
    void spiderTrapsGetATrapStatusAndAreNeverFetched() {
        start(site("site", Duration.ZERO, 100));

        frontierIn.pipeInput("a.example", link("http://a.example/a/b/a/b/a/b/page", "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/list?PHPSESSID=abc123", "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/calendar/2025/04/", "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/" + "x".repeat(1100), "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/2025/03/10/harbour-news", "http://a.example/"));
        advance(Duration.ofMillis(100));

        assertThat(allStatuses).filteredOn(s -> s.getOutcome() == FetchOutcome.TRAP).hasSize(4)
                .allSatisfy(s -> assertThat(s.getReason()).isNotBlank());
        assertThat(fetched).containsExactly("http://a.example/2025/03/10/harbour-news");
    }

    @Test
    void requestsToOneHostAreSpacedByTheSourceDelayWhileOtherHostsGoAhead() {
        start(site("site", Duration.ofSeconds(1), 100));
        for (String url : List.of("http://a.example/1", "http://a.example/2", "http://a.example/3")) {
            frontierIn.pipeInput("a.example", link(url, "http://a.example/"));
        }
        frontierIn.pipeInput("b.example", link("http://b.example/1", "http://b.example/"));

        advance(Duration.ofMillis(50));
        assertThat(fetched).containsExactlyInAnyOrder("http://a.example/1", "http://b.example/1");

        advance(Duration.ofMillis(500));
        assertThat(fetched).hasSize(2);

        advance(Duration.ofMillis(500));
        assertThat(fetched).hasSize(3).last().isEqualTo("http://a.example/2");

        advance(Duration.ofMillis(900));
        assertThat(fetched).hasSize(3);
        advance(Duration.ofMillis(200));
        assertThat(fetched).hasSize(4).last().isEqualTo("http://a.example/3");
    }

    @Test
    void startPageIsRepolledOnItsScheduleAndItsKnownLinksAreNotQueuedAgain() {
        start(site("site", Duration.ZERO, 100));
        script.put("http://a.example/", u -> page(u, FetchOutcome.LISTING, "http://a.example/1"));

        frontierIn.pipeInput("a.example", seed("http://a.example/"));
        advance(Duration.ofMillis(100));
        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/", "http://a.example/1");

        // First interval is the minimum, 5 minutes.
        advance(Duration.ofMinutes(4));
        assertThat(fetched).hasSize(2);
        advance(Duration.ofMinutes(1));
        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/", "http://a.example/1", "http://a.example/");
        assertThat(statusUrls()).containsExactly("http://a.example/", "http://a.example/1", "http://a.example/");

        // Nothing changed: the next interval backs off to 7.5 minutes.
        advance(Duration.ofMinutes(7));
        assertThat(fetched).hasSize(3);
        advance(Duration.ofSeconds(31));
        advance(Duration.ofMillis(100));
        assertThat(fetched).hasSize(4).last().isEqualTo("http://a.example/");
    }

    @Test
    void seedSentAgainPollsNowButNeverQueuesTheUrlTwice() {
        start(site("site", Duration.ofSeconds(10), 100));

        frontierIn.pipeInput("a.example", seed("http://a.example/"));
        advance(Duration.ofMillis(100));
        // Restarted crawlers send their seeds again: one while the URL waits for its re-poll ...
        frontierIn.pipeInput("a.example", FrontierUrls.of("http://a.example/", "site", FrontierKind.PAGE, 0, null,
                T0.plusSeconds(60).toEpochMilli(), T0.toEpochMilli()));
        advance(Duration.ofSeconds(61));
        assertThat(fetched).containsExactly("http://a.example/", "http://a.example/");
        // ... and two at once: the second finds the URL already queued.
        long now = T0.plusSeconds(120).toEpochMilli();
        advance(Duration.ofSeconds(59));
        frontierIn.pipeInput("a.example", FrontierUrls.of("http://a.example/", "site", FrontierKind.PAGE, 0, null, now,
                now));
        frontierIn.pipeInput("a.example", FrontierUrls.of("http://a.example/", "site", FrontierKind.PAGE, 0, null, now,
                now));
        advance(Duration.ofSeconds(30));
        assertThat(fetched).hasSize(3);
        assertThat(statusUrls()).hasSize(3);
    }

    @Test
    void retryAfterKeepsTheUrlQueuedAndHoldsTheHostThenTheUrlGetsOneStatus() {
        start(site("site", Duration.ZERO, 100));
        int[] calls = {0};
        script.put("http://a.example/busy", u -> calls[0]++ == 0
                ? WorkResult.builder().requested(true).retryAfter(Duration.ofSeconds(30))
                        .page(status(u, FetchOutcome.HTTP_ERROR).setHttpStatus(429).build(), null).build()
                : page(u, FetchOutcome.NOT_ARTICLE));
        frontierIn.pipeInput("a.example", link("http://a.example/busy", "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/next", "http://a.example/"));

        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/busy");
        assertThat(statusUrls()).isEmpty();

        advance(Duration.ofSeconds(20));
        assertThat(fetched).hasSize(1);
        advance(Duration.ofSeconds(11));
        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/busy", "http://a.example/busy", "http://a.example/next");
        assertThat(allStatuses).extracting(FetchStatus::getOutcome)
                .containsExactly(FetchOutcome.NOT_ARTICLE, FetchOutcome.NOT_ARTICLE);
    }

    @Test
    void retryAfterIsGivenUpAfterTheConfiguredAttemptsWithTheFinalStatus() {
        start(site("site", Duration.ZERO, 100));
        script.put("http://a.example/busy", u -> WorkResult.builder().requested(true).retryAfter(Duration.ofSeconds(1))
                .page(status(u, FetchOutcome.HTTP_ERROR).setHttpStatus(503).build(), null).build());
        frontierIn.pipeInput("a.example", link("http://a.example/busy", "http://a.example/"));

        for (int i = 0; i < 5; i++) {
            advance(Duration.ofMillis(1100));
        }

        assertThat(fetched).hasSize(3); // the first try and two more (retry.after.attempts = 2)
        assertThat(statusUrls()).containsExactly("http://a.example/busy");
        assertThat(allStatuses.get(0).getOutcome()).isEqualTo(FetchOutcome.HTTP_ERROR);
    }

    @Test
    void maxPagesDefersTheUrlsBeyondTheBudgetToTheNextWindow() {
        start(site("site", Duration.ZERO, 2));
        for (int i = 1; i <= 3; i++) {
            frontierIn.pipeInput("a.example", link("http://a.example/" + i, "http://a.example/"));
        }
        advance(Duration.ofMillis(100));
        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/1", "http://a.example/2");

        advance(Duration.ofMinutes(59));
        assertThat(fetched).hasSize(2);
        advance(Duration.ofMinutes(1));
        advance(Duration.ofMillis(100));
        assertThat(fetched).containsExactly("http://a.example/1", "http://a.example/2", "http://a.example/3");
        assertThat(statusUrls()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void anArticleFoundAgainUnderAnotherUrlIsPublishedOnceAndReportedAsDuplicate() {
        start(site("site", Duration.ZERO, 100));
        script.put("http://a.example/story", u -> article(u, "id-1"));
        script.put("http://a.example/story?ref=home", u -> article(u, "id-1"));
        frontierIn.pipeInput("a.example", link("http://a.example/story", "http://a.example/"));
        frontierIn.pipeInput("a.example", link("http://a.example/story?ref=home", "http://a.example/"));

        advance(Duration.ofMillis(100));
        advance(Duration.ofMillis(100));

        assertThat(articles.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("id-1");
        assertThat(allStatuses).extracting(FetchStatus::getOutcome)
                .containsExactly(FetchOutcome.ARTICLE, FetchOutcome.DUPLICATE);
    }

    @Test
    void urlsOfAnUnknownSourceAreRefusedWithAStatus() {
        start(site("site", Duration.ZERO, 100));
        frontierIn.pipeInput("a.example", FrontierUrls.of("http://a.example/x", "gone", FrontierKind.PAGE, 1,
                "http://a.example/", 0, T0.toEpochMilli()));
        advance(Duration.ofMillis(100));

        assertThat(fetched).isEmpty();
        assertThat(allStatuses).singleElement().satisfies(s -> {
            assertThat(s.getOutcome()).isEqualTo(FetchOutcome.REFUSED);
            assertThat(s.getReason()).contains("gone");
        });
    }

    @Test
    void linksAreSentToTheFrontierKeyedByTheirHost() {
        start(site("site", Duration.ZERO, 100));
        script.put("http://a.example/", u -> page(u, FetchOutcome.LISTING, "http://B.example/x", "http://a.example/y"));
        frontierIn.pipeInput("a.example", seed("http://a.example/"));

        driver.advanceWallClockTime(Duration.ofMillis(100));

        assertThat(frontierOut.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.getUrl())
                .containsExactly("b.example http://b.example/x", "a.example http://a.example/y");
    }
}
