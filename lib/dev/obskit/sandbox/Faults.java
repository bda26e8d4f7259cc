package dev.obskit.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Faults the sandbox injects on demand (issue 4 item 2). Every random choice is derived from
 * {@code seed} and the request's arrival number, so a failing run replays with the same seed.
 *
 * @param latency             added to every request
 * @param jitter              plus a uniform random extra in [0, jitter]
 * @param errorRate           share of requests answered {@code errorStatus} before they are processed
 * @param errorStatus         the 5xx status used (default 500)
 * @param rateLimit           requests per second above which the sandbox answers 429 with
 *                            {@code Retry-After}; 0 for no limit
 * @param dropBeforeRate      share of requests whose connection is closed with no response, unprocessed
 * @param dropAfterCreateRate share of creates whose connection is closed with no response after the
 *                            destination was stored
 */
public record Faults(long seed, Duration latency, Duration jitter, double errorRate, int errorStatus,
                     int rateLimit, double dropBeforeRate, double dropAfterCreateRate) {

    public Faults {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        if (latency.isNegative() || jitter.isNegative()) throw new IllegalArgumentException("latency and jitter must be >= 0");
        rate("errorRate", errorRate);
        rate("dropBeforeRate", dropBeforeRate);
        rate("dropAfterCreateRate", dropAfterCreateRate);
        if (errorStatus < 500 || errorStatus > 599) throw new IllegalArgumentException("errorStatus must be a 5xx, was " + errorStatus);
        if (rateLimit < 0) throw new IllegalArgumentException("rateLimit must be >= 0");
    }

    /** No faults at all. */
    public static Faults none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any fault is switched on. */
    public boolean any() {
        return !latency.isZero() || !jitter.isZero() || errorRate > 0 || rateLimit > 0 || dropBeforeRate > 0 || dropAfterCreateRate > 0;
    }

    /** The faults switched on, for people: "latency 50 ms + up to 20 ms, 5% errors (500), seed 1". */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (!latency.isZero() || !jitter.isZero()) {
            parts.add("latency " + latency.toMillis() + " ms" + (jitter.isZero() ? "" : " + up to " + jitter.toMillis() + " ms"));
        }
        if (errorRate > 0) parts.add(percent(errorRate) + " errors (" + errorStatus + ")");
        if (rateLimit > 0) parts.add("429 above " + rateLimit + " requests/s");
        if (dropBeforeRate > 0) parts.add(percent(dropBeforeRate) + " dropped before processing");
        if (dropAfterCreateRate > 0) parts.add(percent(dropAfterCreateRate) + " of creates dropped after commit");
        if (parts.isEmpty()) return "none";
        return String.join(", ", parts) + ", seed " + seed;
    }

    private static String percent(double rate) {
        return dev.obskit.json.Jsons.plain(java.math.BigDecimal.valueOf(rate * 100)) + "%";
    }

    public Builder toBuilder() {
        return new Builder().seed(seed).latency(latency, jitter).errorRate(errorRate).errorStatus(errorStatus)
                .rateLimit(rateLimit).dropBeforeRate(dropBeforeRate).dropAfterCreateRate(dropAfterCreateRate);
    }

    private static void rate(String name, double r) {
        if (!(r >= 0 && r <= 1)) throw new IllegalArgumentException(name + " must be between 0 and 1, was " + r);
    }

    public static final class Builder {
        private long seed = 1;
        private Duration latency = Duration.ZERO;
        private Duration jitter = Duration.ZERO;
        private double errorRate;
        private int errorStatus = 500;
        private int rateLimit;
        private double dropBeforeRate;
        private double dropAfterCreateRate;

        public Builder seed(long seed) { this.seed = seed; return this; }
        /** A fixed delay plus a random extra of up to {@code jitter}. */
        public Builder latency(Duration fixed, Duration jitter) { this.latency = fixed; this.jitter = jitter; return this; }
        public Builder errorRate(double rate) { this.errorRate = rate; return this; }
        public Builder errorStatus(int status) { this.errorStatus = status; return this; }
        /** Requests per second served before answering 429; 0 turns the limit off. */
        public Builder rateLimit(int requestsPerSecond) { this.rateLimit = requestsPerSecond; return this; }
        public Builder dropBeforeRate(double rate) { this.dropBeforeRate = rate; return this; }
        public Builder dropAfterCreateRate(double rate) { this.dropAfterCreateRate = rate; return this; }

        public Faults build() {
            return new Faults(seed, latency, jitter, errorRate, errorStatus, rateLimit, dropBeforeRate, dropAfterCreateRate);
        }
    }
}
