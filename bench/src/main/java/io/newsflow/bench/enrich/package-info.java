/**
 * Cost of each enrichment step per article, in CPU time ({@link io.newsflow.bench.enrich.EnrichmentCostBenchmark}).
 */
package io.newsflow.bench.enrich;
