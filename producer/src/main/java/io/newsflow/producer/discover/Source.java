package io.newsflow.producer.discover;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A configured place articles come from; every source has an id that ends up on its records. */
public sealed interface Source permits Source.Site, Source.Folder {

    /** The source's id from the sources file. */
    String id();

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
}
