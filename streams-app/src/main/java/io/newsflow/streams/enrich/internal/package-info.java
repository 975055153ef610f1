/**
 * Implementation detail of {@link io.newsflow.streams.enrich}: resource loading, tokenising, the
 * category term index, the sentence-level sentiment rules, and the entity rules (tokens, gazetteer,
 * word lists, name runs, mention merging). Not an API; may change without notice.
 */
package io.newsflow.streams.enrich.internal;
