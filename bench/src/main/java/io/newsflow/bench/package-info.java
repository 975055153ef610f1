/** Benchmarks: main classes that measure one thing against a baseline in the same run. */
package io.newsflow.bench;
