package dev.obskit.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a server's wish about when to retry: {@code retry-after-ms} (milliseconds) first, then
 * {@code Retry-After} as delta-seconds or an HTTP date. Unusable values (negative, unparseable)
 * read as absent; a date in the past reads as zero. Capping huge values is the caller's job.
 */
final class RetryAfter {
    private RetryAfter() {}

    static Optional<Duration> from(HttpResult result, Instant now) {
        Optional<Duration> ms = millis(result.header("retry-after-ms"));
        return ms.isPresent() ? ms : parse(result.header("retry-after"), now);
    }

    static Optional<Duration> millis(String value) {
        BigDecimal n = number(value);
        if (n == null || n.signum() < 0) return Optional.empty();
        return Optional.of(Duration.ofMillis(clampLong(n)));
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) return Optional.empty();
        String v = value.trim();
        BigDecimal seconds = number(v);
        if (seconds != null) {
            if (seconds.signum() < 0) return Optional.empty();
            return Optional.of(Duration.ofMillis(clampLong(seconds.movePointRight(3))));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static BigDecimal number(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (!v.matches("[+-]?\\d{1,30}(\\.\\d{1,30})?")) return null;
        return new BigDecimal(v);
    }

    /** Whole milliseconds, saturating at a day: anything longer is "huge" and gets capped later anyway. */
    private static long clampLong(BigDecimal millis) {
        BigDecimal day = BigDecimal.valueOf(Duration.ofDays(1).toMillis());
        return millis.min(day).longValue();
    }
}
