/**
 * The Confluent-compatible wire format (magic byte {@code 0x0}, 4-byte schema id, Avro binary body), an
 * option for deployments that run a schema registry; Newsflow's default stays Avro single-object encoding
 * ({@link io.newsflow.schemas.AvroSerde}). {@link io.newsflow.schemas.confluent.ConfluentWireFormat} is the
 * byte layout, {@link io.newsflow.schemas.confluent.SchemaRegistryClient} the registry,
 * {@link io.newsflow.schemas.confluent.ConfluentAvroSerde} the Kafka serde built on both.
 * See {@code docs/schema-registry.md}.
 */
package io.newsflow.schemas.confluent;
