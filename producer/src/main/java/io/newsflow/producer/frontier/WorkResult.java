package io.newsflow.producer.frontier;

import io.newsflow.schema.Article;
import io.newsflow.schema.FetchStatus;
import io.newsflow.schema.FrontierUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What fetching one frontier URL produced, applied by the frontier in one transaction: the status records
 * (and articles) to publish, the links to queue, and what politeness and re-polling need to know.
 *
 * @param pages one status (with its article, if any) per URL decided: exactly one for an ordinary URL, one per
 *     archived page for a chunk of a WARC file
 * @param links URLs found, to be sent to {@code news.frontier} (the owner of each host dedupes them)
 * @param requested true when a request was sent to the URL's host, so its per-host delay starts now
 * @param hostDelay the host's robots.txt Crawl-delay (already capped), zero when none
 * @param retryAfter non-null when the host asked to wait (Retry-After on 429/503, robots.txt unreachable): the
 *     URL stays queued and is tried again after this delay, up to the configured attempts; {@code pages} holds
 *     the status published if it is given up
 * @param etag validator for the next poll of the URL, or null
 * @param lastModified validator for the next poll of the URL, or null
 * @param fingerprint a hash of what the URL listed (links, items, files), compared with the previous poll's to
 *     adapt the re-poll interval; null when nothing was listed
 * @param itemDates publication dates of the items a feed or sitemap listed, for the first re-poll interval
 * @param continuation the same URL again, to carry on later from where this call stopped (a WARC file read in
 *     chunks); null when done
 */
public record WorkResult(List<Page> pages, List<FrontierUrl> links, boolean requested, Duration hostDelay,
                         Duration retryAfter, String etag, String lastModified, Long fingerprint,
                         List<Instant> itemDates, FrontierUrl continuation) {

    /**
     * The decision about one URL.
     *
     * @param status its {@code news.fetch-status} record
     * @param article the article to publish on {@code news.articles.raw}, or null
     */
    public record Page(FetchStatus status, Article article) {
        public Page {
            Objects.requireNonNull(status, "status");
        }
    }

    public WorkResult {
        pages = List.copyOf(pages);
        links = List.copyOf(links);
        Objects.requireNonNull(hostDelay, "hostDelay");
        itemDates = List.copyOf(itemDates);
    }

    /** A result with one status and nothing else (no request sent). */
    public static WorkResult of(FetchStatus status) {
        return builder().page(status, null).build();
    }

    /** A builder with no pages, no links, no request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WorkResult}; not thread-safe. */
    public static final class Builder {
        private final List<Page> pages = new ArrayList<>();
        private final List<FrontierUrl> links = new ArrayList<>();
        private final List<Instant> itemDates = new ArrayList<>();
        private boolean requested;
        private Duration hostDelay = Duration.ZERO;
        private Duration retryAfter;
        private String etag;
        private String lastModified;
        private Long fingerprint;
        private FrontierUrl continuation;

        public Builder page(FetchStatus status, Article article) {
            pages.add(new Page(status, article));
            return this;
        }

        public Builder link(FrontierUrl link) {
            links.add(link);
            return this;
        }

        public Builder itemDate(Instant date) {
            if (date != null) {
                itemDates.add(date);
            }
            return this;
        }

        public Builder requested(boolean value) {
            requested = value;
            return this;
        }

        public Builder hostDelay(Duration value) {
            hostDelay = value == null ? Duration.ZERO : value;
            return this;
        }

        public Builder retryAfter(Duration value) {
            retryAfter = value;
            return this;
        }

        public Builder validators(String newEtag, String newLastModified) {
            etag = newEtag;
            lastModified = newLastModified;
            return this;
        }

        public Builder fingerprint(Long value) {
            fingerprint = value;
            return this;
        }

        public Builder continuation(FrontierUrl value) {
            continuation = value;
            return this;
        }

        public WorkResult build() {
            return new WorkResult(pages, links, requested, hostDelay, retryAfter, etag, lastModified, fingerprint,
                    itemDates, continuation);
        }
    }
}
