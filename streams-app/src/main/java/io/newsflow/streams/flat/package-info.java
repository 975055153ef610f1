/**
 * Flat projections of the output records for Kafka Connect sinks: {@link io.newsflow.streams.flat.FlatRecords}
 * turns an {@code EnrichedArticle} or a {@code KeywordAlert} into the JSON envelope
 * ({@code {"schema": ..., "payload": ...}}) that Kafka's own {@code JsonConverter} reads with
 * {@code schemas.enable=true}, with primitive columns only, for {@code news.articles.flat} and
 * {@code news.alerts.flat}.
 *
 * <p>Why: JDBC and most other sink connectors refuse nested structs, arrays and schemaless records, and
 * cannot read our Avro single-object encoding; a flat row with a declared schema is what they all
 * accept. Nested values (authors, categories, entities, matched terms) become JSON text columns.
 * Plain Java with no Kafka dependency; see docs/kafka-connect.md.
 */
package io.newsflow.streams.flat;
