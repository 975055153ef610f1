/**
 * The fetch stage: {@link io.newsflow.producer.fetch.HttpFetcher} turns a
 * {@link io.newsflow.producer.fetch.FetchRequest} into a sealed
 * {@link io.newsflow.producer.fetch.FetchOutcome} (fetched, not modified, refused, failed), applying
 * every guard against hostile or broken servers: the SSRF address guard
 * ({@link io.newsflow.producer.fetch.AddressGuard}), redirect limits, timeouts, the size cap after
 * decompression ({@link io.newsflow.producer.fetch.ContentDecoding}), content sniffing
 * ({@link io.newsflow.producer.fetch.ContentSniffer}) and charset detection
 * ({@link io.newsflow.producer.fetch.CharsetDetector}). Nothing here parses HTML or touches Kafka.
 */
package io.newsflow.producer.fetch;
