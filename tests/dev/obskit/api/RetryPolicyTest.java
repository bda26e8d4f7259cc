package dev.obskit.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure parts of retrying: back-off arithmetic, Retry-After parsing and the retry classification. */
class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-09-05T08:00:00Z");

    @Test
    void defaultsAreDocumented() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(5, p.maxAttempts());
        assertEquals(Duration.ofMillis(500), p.initialDelay());
        assertEquals(2.0, p.multiplier());
        assertEquals(Duration.ofSeconds(30), p.maxDelay());
        assertEquals(0.5, p.jitter());
        assertEquals(Duration.ofMinutes(2), p.maxElapsed());
        assertEquals(Duration.ofSeconds(60), p.maxRetryAfter());
        assertEquals(1, RetryPolicy.NONE.maxAttempts());
    }

    @Test
    void backOffGrowsAndIsCapped() {
        RetryPolicy p = RetryPolicy.DEFAULT.withJitter(0);
        assertEquals(Duration.ofMillis(500), p.backoff(1, 0.7));
        assertEquals(Duration.ofSeconds(1), p.backoff(2, 0.7));
        assertEquals(Duration.ofSeconds(16), p.backoff(6, 0.7));
        assertEquals(Duration.ofSeconds(30), p.backoff(7, 0.7));
        assertEquals(Duration.ofSeconds(30), p.backoff(500, 0.7));
    }

    @Test
    void jitterOnlyShortensAWaitAndSpreadsIt() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        Random random = new Random(42);
        long min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < 1000; i++) {
            long ms = p.backoff(3, random.nextDouble()).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(min >= 1000 && max <= 2000, min + ".." + max);
        assertTrue(max - min > 800, "spread " + (max - min));
    }

    @Test
    void nonsensicalPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withJitter(1.5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMultiplier(0.5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxDelay(Duration.ofSeconds(-1)));
    }

    @Test
    void retryAfterReadsSecondsDatesAndRejectsNonsense() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse("7", NOW));
        assertEquals(Optional.of(Duration.ofMillis(2500)), RetryAfter.parse(" 2.5 ", NOW));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Sat, 05 Sep 2026 08:00:30 GMT", NOW));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sat, 05 Sep 2026 07:59:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("-1", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("abc", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
        assertEquals(Optional.of(Duration.ofDays(1)), RetryAfter.parse("1" + "0".repeat(25), NOW), "huge saturates");
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.millis("1500"));
        assertEquals(Optional.empty(), RetryAfter.millis("soon"));
    }

    private static ApiException status(int s, String message) {
        return ApiException.of(s, Integer.toString(s), message, "GET", "/x");
    }

    private static ApiException transport(Throwable cause) {
        return new ApiException.TransportException("failed", "GET", "/x", cause);
    }

    @Test
    void classificationByMethodAndCause() {
        RetryClassifier.Kind P = RetryClassifier.Kind.PERMANENT, R = RetryClassifier.Kind.RETRYABLE, A = RetryClassifier.Kind.AMBIGUOUS;
        for (String m : new String[] {"GET", "PATCH", "DELETE"}) {
            assertEquals(R, RetryClassifier.classify(m, status(503, "x")), m);
            assertEquals(R, RetryClassifier.classify(m, status(429, "x")), m);
            assertEquals(R, RetryClassifier.classify(m, status(409, "Resource conflict. Please try again later.")), m);
            assertEquals(R, RetryClassifier.classify(m, transport(new java.net.SocketTimeoutException("Read timed out"))), m);
            assertEquals(P, RetryClassifier.classify(m, status(404, "Resource not found")), m);
        }
        assertEquals(A, RetryClassifier.classify("POST", status(500, "x")));
        assertEquals(A, RetryClassifier.classify("POST", transport(new java.net.SocketException("Connection reset"))));
        assertEquals(A, RetryClassifier.classify("POST", transport(new org.apache.hc.core5.http.NoHttpResponseException("no response"))));
        assertEquals(R, RetryClassifier.classify("POST", transport(new java.net.ConnectException("refused"))));
        assertEquals(R, RetryClassifier.classify("POST", status(429, "Rate limit exceeded")));
        assertEquals(R, RetryClassifier.classify("POST", status(408, "Request Timeout")));
        assertEquals(P, RetryClassifier.classify("POST", status(400, "Invalid configuration")));
        assertEquals(P, RetryClassifier.classify("POST", status(409, "Maximum of 5 destinations per type reached")));
        assertEquals(P, RetryClassifier.classify("POST", status(500, "the 5-per-type limit was reached")));
        assertEquals(P, RetryClassifier.classify("GET", status(401, "Missing Authentication header")));
        assertEquals(P, RetryClassifier.classify("GET", status(403, "Only management keys can perform this operation")));
        assertEquals(P, RetryClassifier.classify("GET", transport(new javax.net.ssl.SSLHandshakeException("bad certificate"))));
    }
}
