/**
 * Discovery stage: where URLs and pages come from. Plain classes without I/O beyond reading local files; the
 * crawler fetches and calls them.
 *
 * <ul>
 *   <li>{@link io.newsflow.producer.discover.SourcesFile} reads the sources file into
 *       {@link io.newsflow.producer.discover.Source}s: sites with {@link io.newsflow.producer.discover.FollowRules},
 *       folders, feeds, sitemaps and WARC files.</li>
 *   <li>{@link io.newsflow.producer.discover.FeedParser} (RSS/Atom, Rome) and
 *       {@link io.newsflow.producer.discover.SitemapParser} (sitemaps, crawler-commons) turn fetched bytes into
 *       {@link io.newsflow.producer.discover.DiscoveredUrl}s, or a
 *       {@link io.newsflow.producer.discover.DiscoveryException} naming the document.</li>
 *   <li>{@link io.newsflow.producer.discover.WarcReader} streams the archived responses of a WARC file as
 *       {@link io.newsflow.producer.discover.WarcPage}s (jwarc).</li>
 * </ul>
 */
package io.newsflow.producer.discover;
