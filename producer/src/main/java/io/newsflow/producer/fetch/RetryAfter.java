package io.newsflow.producer.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Stateless. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The delay {@code value} asks for, counted from {@code now}; zero for a date in the past; null when
     * {@code value} is null or unreadable.
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null; // more digits than a long holds: not a delay anyone means
            }
        }
        try {
            // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (the format servers must send).
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
