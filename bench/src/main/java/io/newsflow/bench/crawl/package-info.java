/**
 * Crawler benchmarks: throughput against a local site with politeness off, beside plain HTTP GETs of the
 * same pages ({@link io.newsflow.bench.crawl.CrawlThroughputBenchmark}), and memory with a million URLs in
 * the frontier ({@link io.newsflow.bench.crawl.FrontierMemoryBenchmark}). Results in BENCHMARKS.md.
 */
package io.newsflow.bench.crawl;
