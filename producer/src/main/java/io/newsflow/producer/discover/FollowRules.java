package io.newsflow.producer.discover;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which discovered links of a site source are followed.
 *
 * @param allow a link is followed only if it matches one of these (find, not full match); empty allows all
 * @param deny a link matching any of these is never followed, even if allowed
 * @param maxDepth links more than this many hops from a start page are not followed (pagination does not count)
 * @param maxPages budget of URLs fetched: for a site, per {@code producer.recrawl.interval.ms} window (URLs beyond
 *                 it wait in the frontier for the next window); for a feed or sitemap, per poll; for a WARC
 *                 source, pages read per file
 */
public record FollowRules(List<Pattern> allow, List<Pattern> deny, int maxDepth, int maxPages) {

    public FollowRules {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        if (maxDepth < 0) {
            throw new IllegalArgumentException("max-depth must be 0 or more, got " + maxDepth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("max-pages must be at least 1, got " + maxPages);
        }
    }

    /** Whether {@code url} passes the allow and deny patterns. */
    public boolean follows(String url) {
        if (deny.stream().anyMatch(p -> p.matcher(url).find())) {
            return false;
        }
        return allow.isEmpty() || allow.stream().anyMatch(p -> p.matcher(url).find());
    }
}
