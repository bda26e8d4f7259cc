package dev.obskit.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the client retries a failed call: at most {@code maxAttempts} attempts in all,
 * waits growing from {@code initialDelay} by {@code multiplier} up to {@code maxDelay}, each wait
 * shortened by a random share of up to {@code jitter} (0..1) so concurrent workers spread out, a
 * server's {@code Retry-After} honoured up to {@code maxRetryAfter}, and no retry at all once
 * waiting would take the call past {@code maxElapsed} since its first attempt.
 *
 * <p>Which failures are retried is not the policy's business: see {@link RetryClassifier}.
 */
public record RetryPolicy(
        int maxAttempts,
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        double jitter,
        Duration maxElapsed,
        Duration maxRetryAfter) {

    /** 5 attempts, 500 ms first wait, x2, waits capped at 30 s, jitter 0.5, 2 min in all, Retry-After honoured up to 60 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), 2.0,
            Duration.ofSeconds(30), 0.5, Duration.ofMinutes(2), Duration.ofSeconds(60));

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = DEFAULT.withMaxAttempts(1);

    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxElapsed, "maxElapsed");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        if (initialDelay.isNegative() || maxDelay.isNegative() || maxElapsed.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        if (!(jitter >= 0.0 && jitter <= 1.0)) throw new IllegalArgumentException("jitter must be in 0..1, was " + jitter);
    }

    /**
     * The back-off before retry number {@code retry} (1 = the wait after the first attempt), given a
     * random draw in [0, 1). Never more than {@link #maxDelay()}, never negative.
     */
    public Duration backoff(int retry, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, (double) maxDelay.toMillis());
        double r = Math.min(Math.max(random, 0.0), 1.0);
        return Duration.ofMillis(Math.round(capped * (1.0 - jitter * r)));
    }

    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialDelay, multiplier, maxDelay, jitter, maxElapsed, maxRetryAfter);
    }

    public RetryPolicy withInitialDelay(Duration d) {
        return new RetryPolicy(maxAttempts, d, multiplier, maxDelay, jitter, maxElapsed, maxRetryAfter);
    }

    public RetryPolicy withMultiplier(double m) {
        return new RetryPolicy(maxAttempts, initialDelay, m, maxDelay, jitter, maxElapsed, maxRetryAfter);
    }

    public RetryPolicy withMaxDelay(Duration d) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, d, jitter, maxElapsed, maxRetryAfter);
    }

    public RetryPolicy withJitter(double j) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, j, maxElapsed, maxRetryAfter);
    }

    public RetryPolicy withMaxElapsed(Duration d) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, d, maxRetryAfter);
    }

    public RetryPolicy withMaxRetryAfter(Duration d) {
        return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, jitter, maxElapsed, d);
    }
}
