/**
 * Politeness and scheduling decisions, free of I/O of their own: robots.txt rules and Crawl-delay
 * ({@link io.newsflow.producer.politeness.RobotsPolicy}, RFC 9309, fetching through a function the crawler gives)
 * and the adaptive re-poll interval of feeds, sitemaps and listing pages
 * ({@link io.newsflow.producer.politeness.RepollSchedule}).
 */
package io.newsflow.producer.politeness;
