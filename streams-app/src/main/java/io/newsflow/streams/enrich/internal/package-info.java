/**
 * Implementation detail of {@link io.newsflow.streams.enrich}: resource loading, tokenising, the
 * category term index and the sentence-level sentiment rules. Not an API; may change without notice.
 */
package io.newsflow.streams.enrich.internal;
