/**
 * Article extraction benchmark: Newsflow's extractor beside Readability4J and jsoup floors, on the labelled
 * extraction sets ({@link io.newsflow.bench.extract.ExtractionComparison}).
 */
package io.newsflow.bench.extract;
