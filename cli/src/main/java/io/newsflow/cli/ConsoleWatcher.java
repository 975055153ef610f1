package io.newsflow.cli;

import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.Trend;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.TopicFollower;
import io.newsflow.schemas.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows {@code news.articles.enriched}, {@code news.alerts} and {@code news.trends} (committed
 * records only, from the beginning) on its own thread and prints a one-line summary per article, per
 * alert and per trend spike. Remembers
 * which article ids it has seen so {@code run --once} knows when every crawled article is enriched.
 */
final class ConsoleWatcher implements AutoCloseable {

    private final Topics topics;
    private final PrintWriter out;
    private final Deserializer<EnrichedArticle> enriched;
    private final Deserializer<KeywordAlert> alerts;
    private final Deserializer<Trend> trends;
    private final Set<String> enrichedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger alertCount = new AtomicInteger();
    private final TopicFollower follower;

    ConsoleWatcher(String bootstrapServers, Map<String, String> kafkaOverrides, Topics topics, RecordSerdes serdes,
                   PrintWriter out) {
        this.enriched = serdes.serde(topics.articlesEnriched(), EnrichedArticle.class).deserializer();
        this.alerts = serdes.serde(topics.alerts(), KeywordAlert.class).deserializer();
        this.trends = serdes.serde(topics.trends(), Trend.class).deserializer();
        this.topics = topics;
        this.out = out;
        this.follower = new TopicFollower("console-watcher", bootstrapServers, kafkaOverrides,
                List.of(topics.articlesEnriched(), topics.alerts(), topics.trends()), this::show);
    }

    private void show(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return;
        }
        if (r.topic().equals(topics.articlesEnriched())) {
            EnrichedArticle article = enriched.deserialize(r.topic(), r.value());
            print(summary(article));
            enrichedIds.add(article.getArticle().getId());
        } else if (r.topic().equals(topics.alerts())) {
            print(summary(alerts.deserialize(r.topic(), r.value())));
            alertCount.incrementAndGet();
        } else {
            Trend trend = trends.deserialize(r.topic(), r.value());
            if (trend.getSpike()) {
                print(summary(trend));
            }
        }
    }

    /** Waits until everything committed on the followed topics when this is called has been printed. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }

    /** Waits until every id in {@code ids} has been seen enriched; false on timeout. */
    boolean awaitEnriched(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!enrichedIds.containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Ids among {@code ids} not seen enriched yet. */
    Set<String> missing(Collection<String> ids) {
        return ids.stream().filter(id -> !enrichedIds.contains(id)).collect(Collectors.toSet());
    }

    int alertCount() {
        return alertCount.get();
    }

    static String summary(EnrichedArticle e) {
        var a = e.getArticle();
        String date = a.getPublishedAt() == null ? "date unknown"
                : a.getPublishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String categories = e.getCategories().isEmpty() ? "uncategorised" : e.getCategories().stream()
                .map(ConsoleWatcher::category).collect(Collectors.joining(", "));
        return String.format("ARTICLE  %s | %s | %s | %s | sentiment %+.2f %s", a.getTitle(),
                a.getSource() == null ? a.getSourceId() : a.getSource(), date, categories,
                e.getSentiment().getScore(), e.getSentiment().getLabel().name().toLowerCase());
    }

    private static String category(Category c) {
        return String.format("%s %.2f", c.getLabel(), c.getScore());
    }

    static String summary(Trend t) {
        return String.format("SPIKE    %s %s: %d in the hour from %s (z %.1f, baseline %.1f)", t.getDimension(),
                t.getTerm(), t.getCount(), t.getWindowStart(), t.getZScore(), t.getBaseline());
    }

    static String summary(KeywordAlert a) {
        String kind = a.getKind() == io.newsflow.schema.AlertKind.UPDATE
                ? " (update: " + a.getOccurrences() + " articles in this story)" : "";
        return String.format("ALERT    [%s] %s%s: %s — %s (terms: %s) %s", a.getSeverity(), a.getRuleName(), kind,
                a.getTitle(), a.getSnippet(), String.join(", ", a.getMatchedTerms()), a.getUrl());
    }

    @Override
    public void close() {
        follower.close();
    }
}
