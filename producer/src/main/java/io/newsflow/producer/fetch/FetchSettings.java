package io.newsflow.producer.fetch;

import java.time.Duration;

/**
 * Limits applied to every fetch.
 *
 * @param userAgent the User-Agent header: names the project and a contact URL
 * @param connectTimeout time allowed to open a connection
 * @param totalTimeout time allowed from request to the last byte of the body
 * @param maxBytes largest body accepted, counted after decompression
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration totalTimeout, long maxBytes) {

    public FetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("producer.user.agent must not be empty");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("producer.fetch.connect.timeout.ms must be positive");
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("producer.fetch.total.timeout.ms must be positive");
        }
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("producer.fetch.max.bytes must be at least 1024, got " + maxBytes);
        }
    }
}
