package io.newsflow.producer.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Limits applied to every fetch. Immutable.
 *
 * @param userAgent the User-Agent header: names the project and a contact URL
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout longest wait for the next bytes (response headers or body) before giving up
 * @param totalTimeout time allowed from the first request to the last byte of the body, redirects included
 * @param maxBytes largest body accepted, counted after decompression
 * @param maxRedirects most redirects followed for one fetch
 * @param allowedAddresses ranges fetched even though the SSRF guard refuses them by default
 *     (e.g. {@code 127.0.0.0/8} for a local test site); see {@link AddressGuard}
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
                            long maxBytes, int maxRedirects, List<AddressRange> allowedAddresses) {

    /** The redirect cap when none is configured. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("producer.user.agent must not be empty");
        }
        if (userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("producer.user.agent must not contain control characters");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("producer.fetch.connect.timeout.ms must be positive");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("producer.fetch.read.timeout.ms must be positive");
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("producer.fetch.total.timeout.ms must be positive");
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("producer.fetch.max.bytes must be at least 1024, got " + maxBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("producer.fetch.max.redirects must not be negative, got " + maxRedirects);
        }
        allowedAddresses = List.copyOf(allowedAddresses);
    }

    /**
     * Settings with the read timeout equal to the total timeout, {@value #DEFAULT_MAX_REDIRECTS}
     * redirects and no allowed private ranges (everything the SSRF guard refuses stays refused).
     */
    public FetchSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBytes) {
        this(userAgent, connectTimeout, totalTimeout, totalTimeout, maxBytes, DEFAULT_MAX_REDIRECTS, List.of());
    }

    /** A copy that also allows {@code cidrs} (e.g. {@code "127.0.0.0/8"}, {@code "::1"}). */
    public FetchSettings allowing(String... cidrs) {
        List<AddressRange> ranges = new ArrayList<>(allowedAddresses);
        Arrays.stream(cidrs).map(AddressRange::parse).forEach(ranges::add);
        return new FetchSettings(userAgent, connectTimeout, readTimeout, totalTimeout, maxBytes, maxRedirects, ranges);
    }

    /** A copy with another read timeout. */
    public FetchSettings withReadTimeout(Duration timeout) {
        return new FetchSettings(userAgent, connectTimeout, timeout, totalTimeout, maxBytes, maxRedirects,
                allowedAddresses);
    }

    /** A copy with another redirect cap. */
    public FetchSettings withMaxRedirects(int redirects) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, totalTimeout, maxBytes, redirects,
                allowedAddresses);
    }

    /**
     * Parses a comma-separated list of CIDR ranges (the {@code producer.fetch.allow.addresses} setting).
     *
     * @throws IllegalArgumentException naming the setting and the entry at fault
     */
    public static List<AddressRange> parseRanges(String commaSeparated) {
        List<AddressRange> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(AddressRange.parse(part.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("producer.fetch.allow.addresses: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
