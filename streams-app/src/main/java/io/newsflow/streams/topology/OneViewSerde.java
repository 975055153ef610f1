package io.newsflow.streams.topology;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.OneViewRecord;
import io.newsflow.schemas.AvroSerde;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the one-view repartition topic: {@link OneViewRecord}s, and on reading also the bare
 * {@link EnrichedArticle}s that versions before the record existed wrote there. Such a record (left in
 * the topic when the app was upgraded) is completed with {@code upgrade} (fingerprints and alert
 * matches computed on the spot), so no article accepted before the upgrade is dropped.
 */
final class OneViewSerde implements Serde<OneViewRecord> {

    private final AvroSerde<OneViewRecord> current = AvroSerde.of(OneViewRecord.class);
    private final AvroSerde<EnrichedArticle> previous = AvroSerde.of(EnrichedArticle.class);
    private final Function<EnrichedArticle, OneViewRecord> upgrade;

    OneViewSerde(Function<EnrichedArticle, OneViewRecord> upgrade) {
        this.upgrade = upgrade;
    }

    OneViewRecord decode(byte[] bytes) {
        try {
            return current.decode(bytes);
        } catch (SerializationException notCurrent) {
            EnrichedArticle article;
            try {
                article = previous.decode(bytes);
            } catch (SerializationException notPrevious) {
                notCurrent.addSuppressed(notPrevious);
                throw notCurrent;
            }
            return article == null ? null : upgrade.apply(article);
        }
    }

    @Override
    public Serializer<OneViewRecord> serializer() {
        return current.serializer();
    }

    @Override
    public Deserializer<OneViewRecord> deserializer() {
        return (topic, bytes) -> decode(bytes);
    }
}
