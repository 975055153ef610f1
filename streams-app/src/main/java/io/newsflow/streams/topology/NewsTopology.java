package io.newsflow.streams.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schema.Article;
import io.newsflow.schema.Category;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Entity;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schema.OneViewRecord;
import io.newsflow.schema.Trend;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.Enricher;
import io.newsflow.streams.enrich.SimHash;
import io.newsflow.streams.flat.FlatRecords;
import io.newsflow.streams.trend.SpikeDetector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams app's data flow, in one place:
 * <pre>
 * news.articles.raw → drop tombstones → dedupe by article id → enrich (language, categories,
 *   sentiment, entities) → SimHash fingerprints and alert rule matches (all parallel by partition)
 *   → one partition → assign story → (too large for the output topic → news.dlq)
 *   news.articles.enriched, news.articles.flat
 *   → the article's alerts → group per rule and story (NEW, then UPDATE at most once per interval) → news.alerts,
 *     news.alerts.flat
 *   → count categories, entities and rule matches per hour → spike detection → news.trends
 * </pre>
 * Records that cannot be read, and articles an enricher fails on, go to {@code news.dlq} through
 * Kafka Streams' dead-letter support (configured in {@link StreamsAppConfig#toStreamsProperties()}).
 * Story assignment, alert grouping and trend counting need one view of all articles, so they run on
 * a single-partition stage; everything that needs only the article (enrichment, the story
 * fingerprints, matching the alert rules) runs before it, in parallel, and travels to it in a
 * {@link OneViewRecord}. Every processor is
 * named, so {@code describe()} reads like this comment.
 */
public final class NewsTopology {

    /** Name of the store of article ids already enriched. */
    public static final String SEEN_ARTICLES_STORE = "seen-article-ids";
    private static final int MAX_TREND_ENTITIES = 5;

    private NewsTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param topics topic names
     * @param settings tunables of the stateful stages
     * @param enricher the enrichment stage
     * @param matcher the live alert rules (shared, thread-safe; kept current by a {@code RuleSync})
     * @param clock source of enrichment, detection and grouping times
     */
    public static Topology build(Topics topics, TopologySettings settings, Enricher enricher,
                                 AlertMatcher matcher, Clock clock) {
        return build(topics, settings, enricher, matcher, clock, new SimpleMeterRegistry(), RecordSerdes.singleObject());
    }

    /**
     * Builds the topology, recording enrichment latency ({@code newsflow_enrich_duration_seconds}) and
     * alerts per rule ({@code newsflow_alerts_total{rule=...}}) in {@code meters}.
     */
    public static Topology build(Topics topics, TopologySettings settings, Enricher enricher,
                                 AlertMatcher matcher, Clock clock, MeterRegistry meters, RecordSerdes serdes) {
        Timer enrichTimer = Timer.builder("newsflow.enrich.duration").description("Time to enrich one article")
                .publishPercentileHistogram().register(meters);
        Serde<Article> articles = serdes.serde(topics.articlesRaw(), Article.class);
        Serde<EnrichedArticle> enrichedSerde = serdes.serde(topics.articlesEnriched(), EnrichedArticle.class);
        Serde<KeywordAlert> alertsSerde = serdes.serde(topics.alerts(), KeywordAlert.class);
        // The internal stage always uses single-object encoding: it needs no registry.
        OneViewSerde internalSerde = new OneViewSerde(article -> prepareOneView(article, matcher, clock));

        StreamsBuilder builder = new StreamsBuilder();
        // Cached stores: writes to one key within a commit interval reach the changelog once (trend
        // keys such as a busy category are updated by many articles per commit).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_ARTICLES_STORE), Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoryProcessor.STORE), Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(AlertGroupProcessor.STORE), Serdes.String(), Serdes.String()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TrendProcessor.STORE), Serdes.String(), Serdes.ByteArray()).withCachingEnabled());

        KStream<String, OneViewRecord> oneView = builder
                .stream(topics.articlesRaw(), Consumed.with(Serdes.String(), articles).withName("read-raw-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .process(() -> new DedupeProcessor(settings.dedupeRetention(), clock), Named.as("dedupe-by-article-id"),
                        SEEN_ARTICLES_STORE)
                .mapValues(article -> enrichTimer.record(() -> enricher.enrich(article, clock.instant())),
                        Named.as("enrich"))
                // Still in parallel: the story fingerprints and the alert rules' matches travel with
                // the article, so the single-partition stage below only looks them up and groups.
                .mapValues(article -> prepareOneView(article, matcher, clock), Named.as("fingerprint-and-match-alert-rules"))
                .repartition(Repartitioned.<String, OneViewRecord>as("one-view")
                        .withKeySerde(Serdes.String()).withValueSerde(internalSerde).withNumberOfPartitions(1))
                .processValues(() -> new StoryProcessor(settings.storyMaxDistance(), 64, settings.storyRetention()),
                        Named.as("assign-story"), StoryProcessor.STORE);
        // Records too large for the output topic go to the DLQ here (see OversizeToDeadLetter).

        int maxBytes = settings.maxRecordBytes();
        Map<String, KStream<String, OneViewRecord>> bySize = oneView.split(Named.as("size-"))
                .branch((id, record) -> enrichedSerde.serializer().serialize(topics.articlesEnriched(), record.getArticle()).length
                        <= maxBytes, Branched.as("fits"))
                .defaultBranch(Branched.as("too-large"));
        bySize.get("size-too-large")
                .mapValues(OneViewRecord::getArticle, Named.as("article-too-large"))
                .process(() -> new OversizeToDeadLetter(maxBytes), Named.as("oversize-to-dead-letters"))
                .to(topics.deadLetters(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-oversize"));
        oneView = bySize.get("size-fits");
        KStream<String, EnrichedArticle> enriched = oneView.mapValues(OneViewRecord::getArticle, Named.as("article-of-record"));

        enriched.to(topics.articlesEnriched(),
                Produced.with(Serdes.String(), enrichedSerde).withName("write-enriched"));
        enriched.mapValues(FlatRecords::article, Named.as("flatten-article"))
                .to(topics.articlesFlat(), Produced.with(Serdes.String(), Serdes.String()).withName("write-articles-flat"));

        KStream<String, KeywordAlert> matches = oneView.flatMap((id, record) -> record.getAlerts().stream()
                .map(alert -> KeyValue.pair(alert.getRuleId(), alert)).toList(), Named.as("alert-rule-matches"));
        KStream<String, KeywordAlert> grouped = matches
                .process(() -> new AlertGroupProcessor(settings.renotifyInterval(), settings.groupRetention(), clock),
                        Named.as("group-alerts-per-story"), AlertGroupProcessor.STORE)
                .peek((ruleId, alert) -> Counter.builder("newsflow.alerts").description("Alerts sent, per rule")
                        .tag("rule", ruleId).register(meters).increment(), Named.as("count-alerts"));
        grouped.to(topics.alerts(), Produced.with(Serdes.String(), alertsSerde).withName("write-alerts"));
        grouped.map((ruleId, alert) -> KeyValue.pair(alert.getAlertId(), FlatRecords.alert(alert)), Named.as("flatten-alert"))
                .to(topics.alertsFlat(), Produced.with(Serdes.String(), Serdes.String()).withName("write-alerts-flat"));

        KStream<String, String> articleTerms = enriched.flatMap((id, article) -> trendKeys(article),
                Named.as("category-and-entity-terms"));
        KStream<String, String> ruleTerms = matches.map((ruleId, alert) -> KeyValue.pair("RULE:" + ruleId, ""),
                Named.as("rule-terms"));
        articleTerms.merge(ruleTerms, Named.as("all-trend-terms"))
                .process(() -> new TrendProcessor(new SpikeDetector(settings.spike()), settings.spike().recentWindows()),
                        Named.as("count-and-detect-spikes"), TrendProcessor.STORE)
                .to(topics.trends(), Produced.with(Serdes.String(), serdes.serde(topics.trends(), Trend.class)).withName("write-trends"));

        return builder.build();
    }

    /** The enriched article with its story fingerprints and the alerts of the rules it matches. */
    static OneViewRecord prepareOneView(EnrichedArticle article, AlertMatcher matcher, Clock clock) {
        SimHash.Fingerprints fingerprints = SimHash.fingerprints(article.getArticle().getTitle(), article.getArticle().getBody());
        return OneViewRecord.newBuilder()
                .setArticle(article)
                .setBodyFingerprint(fingerprints.body())
                .setLeadFingerprint(fingerprints.lead())
                .setAlerts(matcher.match(article, clock.instant()))
                .build();
    }

    private static List<KeyValue<String, String>> trendKeys(EnrichedArticle article) {
        List<KeyValue<String, String>> keys = new ArrayList<>();
        for (Category c : article.getCategories()) {
            keys.add(KeyValue.pair("CATEGORY:" + c.getCode(), ""));
        }
        List<Entity> entities = article.getEntities();
        for (int i = 0; i < Math.min(MAX_TREND_ENTITIES, entities.size()); i++) {
            keys.add(KeyValue.pair("ENTITY:" + entities.get(i).getText(), ""));
        }
        return keys;
    }
}
