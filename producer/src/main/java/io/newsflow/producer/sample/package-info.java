/**
 * A bundled fictional news site ("The Harbour Courier") and a loopback HTTP server for it, for demos and
 * tests that need something real to crawl without the internet.
 */
package io.newsflow.producer.sample;
