package io.newsflow.producer.discover;

import io.newsflow.producer.politeness.RepollSchedule;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A configured place articles come from; every source has an id that ends up on its records. */
public sealed interface Source permits Source.Site, Source.Folder, Source.Feed, Source.Sitemap, Source.Warc {

    /** The source's id from the sources file. */
    String id();

    /**
     * Pause between two requests to one host of this source: the configured one for web sources,
     * zero for local files (folders, WARC), which are not fetched over the network.
     */
    default Duration delay() {
        return Duration.ZERO;
    }

    /**
     * Start pages of a web site, with rules for which links to follow.
     *
     * @param pagination CSS selector of the "next page" links of listing pages, or null; followed at the same depth
     * @param delay pause between two requests to the same host
     */
    record Site(String id, List<URI> start, FollowRules rules, String pagination, Duration delay) implements Source {
        public Site {
            start = List.copyOf(start);
        }
    }

    /**
     * HTML files in a local folder (recursively), e.g. a saved archive.
     *
     * @param glob file name pattern, e.g. {@code *.html}
     */
    record Folder(String id, Path path, String glob) implements Source {
    }

    /**
     * RSS or Atom feeds, polled on an adaptive schedule; their items are the pages to fetch.
     *
     * @param feeds the feed URLs (http or https)
     * @param rules which item links are followed: allow/deny apply to the item URLs, an item page is one hop from
     *     its feed (so {@code maxDepth} 1 fetches the items only), {@code maxPages} caps the URLs per poll
     * @param repoll re-poll interval bounds of each feed
     * @param delay pause between two requests to the same host
     */
    record Feed(String id, List<URI> feeds, FollowRules rules, RepollSchedule repoll, Duration delay) implements Source {
        public Feed {
            feeds = List.copyOf(feeds);
        }
    }

    /**
     * Sitemaps or sitemap indexes (Google News sitemaps too), polled on an adaptive schedule; the pages they list
     * are fetched.
     *
     * @param sitemaps the sitemap or sitemap index URLs (http or https)
     * @param rules which listed pages are fetched: allow/deny apply to page URLs (not to the child sitemaps of an
     *     index), a listed page is one hop from its sitemap, {@code maxPages} caps the URLs per poll
     * @param repoll re-poll interval bounds of each sitemap
     * @param delay pause between two requests to the same host
     */
    record Sitemap(String id, List<URI> sitemaps, FollowRules rules, RepollSchedule repoll, Duration delay)
            implements Source {
        public Sitemap {
            sitemaps = List.copyOf(sitemaps);
        }
    }

    /**
     * Archived pages in WARC files (e.g. Common Crawl's CC-NEWS), for backfills; nothing is fetched.
     *
     * @param path a {@code .warc} / {@code .warc.gz} file, or a folder searched recursively
     * @param glob file name pattern of the WARC files in a folder
     * @param rules which archived pages are used: allow/deny apply to their URLs, {@code maxPages} caps the pages
     *     read per run; {@code maxDepth} is 0 (links in archived pages are not followed)
     */
    record Warc(String id, Path path, String glob, FollowRules rules) implements Source {
    }
}
