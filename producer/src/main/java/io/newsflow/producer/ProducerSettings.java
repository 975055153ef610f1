package io.newsflow.producer;

import static io.newsflow.schemas.Settings.number;

import io.newsflow.producer.crawl.CrawlSettings;
import io.newsflow.producer.extract.SiteRules;
import io.newsflow.producer.fetch.AddressRange;
import io.newsflow.producer.fetch.FetchSettings;
import io.newsflow.schemas.Settings;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed configuration of the producer, read once from the merged settings and validated (messages
 * name the key at fault).
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param topics topic names
 * @param sourcesFile the sources file, or null for the bundled sample site
 * @param fetch fetch limits and the SSRF allow-list ({@code producer.fetch.*}); without a sources file
 *     the crawl is the bundled sample site on 127.0.0.1, so {@code 127.0.0.0/8} is allowed then
 * @param recrawlInterval window of the per-source max-pages budget of site sources
 * @param kafkaOverrides {@code kafka.*} keys without the prefix, passed to the Kafka producer
 * @param crawl the crawl loop: frontier, politeness, concurrency ({@code producer.crawl.*}, {@code producer.frontier.*})
 * @param siteRules per-host extraction selectors: {@code producer.extract.site-rules} in front of the bundled ones
 */
public record ProducerSettings(String bootstrapServers, Topics topics, Path sourcesFile, FetchSettings fetch,
                               Duration recrawlInterval, Map<String, String> kafkaOverrides, CrawlSettings crawl,
                               SiteRules siteRules) {

    public ProducerSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap.servers must be set");
        }
        if (recrawlInterval.isNegative() || recrawlInterval.isZero()) {
            throw new IllegalArgumentException("producer.recrawl.interval.ms must be positive");
        }
        kafkaOverrides = Map.copyOf(kafkaOverrides);
        java.util.Objects.requireNonNull(crawl, "crawl");
    }

    /** Settings with the bundled site rules alone. */
    public ProducerSettings(String bootstrapServers, Topics topics, Path sourcesFile, FetchSettings fetch,
                            Duration recrawlInterval, Map<String, String> kafkaOverrides, CrawlSettings crawl) {
        this(bootstrapServers, topics, sourcesFile, fetch, recrawlInterval, kafkaOverrides, crawl, SiteRules.bundled());
    }

    /** Reads the {@code producer.*}, {@code topic.prefix}, {@code bootstrap.servers} and {@code kafka.*} keys. */
    public static ProducerSettings from(Map<String, String> s) {
        String sources = s.getOrDefault("producer.sources.file", "").trim();
        List<AddressRange> allowed = new ArrayList<>(
                FetchSettings.parseRanges(s.getOrDefault("producer.fetch.allow.addresses", "")));
        if (sources.isEmpty()) {
            // No sources file: the crawl is the bundled sample site, served on 127.0.0.1.
            allowed.add(AddressRange.parse("127.0.0.0/8"));
        }
        long maxRedirects = number(s, "producer.fetch.max.redirects", FetchSettings.DEFAULT_MAX_REDIRECTS);
        if (maxRedirects < 0 || maxRedirects > 100) {
            throw new IllegalArgumentException("producer.fetch.max.redirects must be between 0 and 100, got "
                    + maxRedirects);
        }
        FetchSettings fetch = new FetchSettings(
                s.getOrDefault("producer.user.agent", "Newsflow/0.1 (+https://github.com/newsflow/newsflow)"),
                Duration.ofMillis(number(s, "producer.fetch.connect.timeout.ms", 5_000)),
                Duration.ofMillis(number(s, "producer.fetch.read.timeout.ms", 10_000)),
                Duration.ofMillis(number(s, "producer.fetch.total.timeout.ms", 30_000)),
                number(s, "producer.fetch.max.bytes", 5L * 1024 * 1024),
                (int) maxRedirects, allowed);
        return new ProducerSettings(s.get("bootstrap.servers"), new Topics(s.getOrDefault("topic.prefix", "")),
                sources.isEmpty() ? null : Path.of(sources), fetch,
                Duration.ofMillis(number(s, "producer.recrawl.interval.ms", 600_000)), Settings.kafkaOverrides(s),
                CrawlSettings.from(s), SiteRules.load(optionalPath(s.getOrDefault("producer.extract.site-rules", ""))));
    }

    private static Path optionalPath(String value) {
        return value.isBlank() ? null : Path.of(value.trim());
    }
}
