package io.newsflow.producer.frontier;

import io.newsflow.schema.Article;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierUrl;
import io.newsflow.schemas.RecordSerdes;
import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The crawler as a Kafka Streams topology: {@code news.frontier} → {@link FrontierProcessor} (with the
 * {@link FrontierStores}) → {@code news.articles.raw}, {@code news.fetch-status}, and back to
 * {@code news.frontier} for the links found. Run with {@code exactly_once_v2}, several instances with one
 * application id split the frontier's partitions, and so its hosts.
 */
public final class FrontierTopology {

    /** Name of the source node reading {@code news.frontier}. */
    public static final String SOURCE = "frontier-source";
    /** Name of the processor node. */
    public static final String PROCESSOR = "frontier";

    private FrontierTopology() {
    }

    /** Builds the topology; {@code serdes} chooses the wire format of the three topics. */
    public static Topology build(Topics topics, RecordSerdes serdes, FrontierRuntime runtime) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(),
                serdes.serde(topics.frontier(), FrontierUrl.class).deserializer(), topics.frontier());
        topology.addProcessor(PROCESSOR, () -> new FrontierProcessor(runtime), SOURCE);
        for (StoreBuilder<?> store : FrontierStores.builders()) {
            topology.addStateStore(store, PROCESSOR);
        }
        topology.addSink(FrontierProcessor.TO_ARTICLES, topics.articlesRaw(), Serdes.String().serializer(),
                serdes.serde(topics.articlesRaw(), Article.class).serializer(), PROCESSOR);
        topology.addSink(FrontierProcessor.TO_STATUSES, topics.fetchStatus(), Serdes.String().serializer(),
                serdes.serde(topics.fetchStatus(), FetchStatus.class).serializer(), PROCESSOR);
        topology.addSink(FrontierProcessor.TO_FRONTIER, topics.frontier(), Serdes.String().serializer(),
                serdes.serde(topics.frontier(), FrontierUrl.class).serializer(), PROCESSOR);
        return topology;
    }
}
