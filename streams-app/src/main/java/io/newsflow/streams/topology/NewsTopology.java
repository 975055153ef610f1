package io.newsflow.streams.topology;

import io.newsflow.schema.Article;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.KeywordAlert;
import io.newsflow.schemas.AvroSerde;
import io.newsflow.schemas.Topics;
import io.newsflow.streams.alert.AlertMatcher;
import io.newsflow.streams.enrich.ArticleEnricher;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The streams app's data flow, in one place:
 * {@code news.articles.raw} → drop tombstones → dedupe by article id → enrich (language, IPTC
 * categories, sentiment) → {@code news.articles.enriched} → match alert rules → {@code news.alerts}.
 * Records that cannot be read, and articles an enricher fails on, go to {@code news.dlq} through
 * Kafka Streams' dead-letter support (configured in {@link StreamsAppConfig#toStreamsProperties()}).
 * Every processor is named, so {@code describe()} reads like this comment.
 */
public final class NewsTopology {

    /** Name of the store of article ids already enriched. */
    public static final String SEEN_ARTICLES_STORE = "seen-article-ids";

    private NewsTopology() {
    }

    /**
     * Builds the topology.
     *
     * @param topics topic names
     * @param enricher the enrichment stage
     * @param matcher the live alert rules (shared, thread-safe)
     * @param clock source of enrichment and detection times
     */
    public static Topology build(Topics topics, ArticleEnricher enricher, AlertMatcher matcher, Clock clock) {
        AvroSerde<Article> articles = AvroSerde.of(Article.class);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class);
        AvroSerde<KeywordAlert> alertsSerde = AvroSerde.of(KeywordAlert.class);

        StreamsBuilder builder = new StreamsBuilder();
        StoreBuilder<KeyValueStore<String, Long>> seenStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SEEN_ARTICLES_STORE), Serdes.String(), Serdes.Long());
        builder.addStateStore(seenStore);

        KStream<String, EnrichedArticle> enriched = builder
                .stream(topics.articlesRaw(), Consumed.with(Serdes.String(), articles).withName("read-raw-articles"))
                .filter((id, article) -> article != null, Named.as("drop-tombstones"))
                .process(DedupeProcessor::new, Named.as("dedupe-by-article-id"), SEEN_ARTICLES_STORE)
                .mapValues(article -> enricher.enrich(article, clock.instant()), Named.as("enrich"));

        enriched.to(topics.articlesEnriched(),
                Produced.with(Serdes.String(), enrichedSerde).withName("write-enriched"));

        enriched
                .flatMap((id, article) -> matcher.match(article, clock.instant()).stream()
                        .map(alert -> KeyValue.pair(alert.getRuleId(), alert))
                        .toList(), Named.as("match-alert-rules"))
                .to(topics.alerts(), Produced.with(Serdes.String(), alertsSerde).withName("write-alerts"));

        return builder.build();
    }
}
