package io.newsflow.schemas;

import io.newsflow.schemas.confluent.ConfluentAvroSerde;
import io.newsflow.schemas.confluent.RestSchemaRegistryClient;
import io.newsflow.schemas.confluent.SchemaRegistryClient;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Chooses the wire format of the records on Newsflow's data topics ({@code serde.format}):
 * {@code single-object} (the default: Avro single-object encoding, self-describing, no registry) or
 * {@code confluent} (magic byte + schema id from the registry at {@code schema.registry.url}, subject
 * {@code <topic>-value}). The rules topic and the streams app's internal topics always use
 * single-object encoding. Thread-safe.
 */
public interface RecordSerdes {

    /** The setting that picks the format. */
    String FORMAT_CONFIG = "serde.format";

    /** The serde for values of {@code type} on {@code topic}. */
    <T extends SpecificRecord> Serde<T> serde(String topic, Class<T> type);

    /** Avro single-object encoding for every topic. */
    static RecordSerdes singleObject() {
        return new RecordSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(String topic, Class<T> type) {
                return AvroSerde.of(type);
            }
        };
    }

    /** Confluent's wire format, with schemas registered in and looked up from {@code registry}. */
    static RecordSerdes confluent(SchemaRegistryClient registry) {
        return new RecordSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(String topic, Class<T> type) {
                return new ConfluentAvroSerde<>(registry, topic, type);
            }
        };
    }

    /**
     * The format named by {@code serde.format} in the merged settings.
     *
     * @throws IllegalArgumentException for an unknown format, or {@code confluent} without {@code schema.registry.url}
     */
    static RecordSerdes from(Map<String, String> settings) {
        String format = settings.getOrDefault(FORMAT_CONFIG, "single-object").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "":
            case "single-object":
                return singleObject();
            case "confluent":
                String url = settings.getOrDefault(RestSchemaRegistryClient.URL_CONFIG, "");
                if (url.isBlank()) {
                    throw new IllegalArgumentException("serde.format=confluent needs schema.registry.url");
                }
                return confluent(RestSchemaRegistryClient.fromSettings(settings));
            default:
                throw new IllegalArgumentException("serde.format must be single-object or confluent, got '" + format + "'");
        }
    }
}
