package dev.obskit.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * The one place where calls are retried. Runs an attempt until it succeeds, fails in a way that
 * waiting cannot fix, or the {@link RetryPolicy} runs out (attempts or total time). Each retry is
 * one line on the warnings sink naming the method, path and cause, never a header.
 */
final class Retrier {

    /** One attempt; {@code attempt} counts from 1. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt);
    }

    /** Looks for the effect of an attempt whose outcome is unknown; a result ends the loop. */
    @FunctionalInterface
    interface Reconciler<T> {
        Optional<T> find();
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Consumer<String> warnings;

    Retrier(RetryPolicy policy, Sleeper sleeper, Clock clock, DoubleSupplier random, Consumer<String> warnings) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
        this.warnings = warnings;
    }

    RetryPolicy policy() { return policy; }

    <T> T run(HttpCall call, Attempt<T> attempt) {
        return run(call, attempt, null);
    }

    /**
     * @param reconciler asked after an {@link RetryClassifier.Kind#AMBIGUOUS} failure (and the wait)
     *                   before the call is sent again; null: such failures are not retried
     */
    <T> T run(HttpCall call, Attempt<T> attempt, Reconciler<T> reconciler) {
        Instant start = clock.instant();
        for (int n = 1; ; n++) {
            ApiException failure;
            try {
                return attempt.run(n);
            } catch (ApiException e) {
                failure = e;
            }
            RetryClassifier.Kind kind = RetryClassifier.classify(call.method(), failure);
            if (kind == RetryClassifier.Kind.PERMANENT) throw failure;
            if (kind == RetryClassifier.Kind.AMBIGUOUS && reconciler == null) throw failure;
            if (n >= policy.maxAttempts()) {
                if (n > 1) warnings.accept("giving up on " + what(call) + " after " + n + " attempts: " + cause(failure));
                throw failure;
            }
            Duration wait = waitBefore(n, failure);
            Duration elapsed = Duration.between(start, clock.instant());
            if (elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0) {
                warnings.accept("giving up on " + what(call) + " after " + n + " attempt" + (n == 1 ? "" : "s")
                        + ": waiting " + seconds(wait) + " more would pass the retry time limit of " + seconds(policy.maxElapsed())
                        + "; last error: " + cause(failure));
                throw failure;
            }
            warnings.accept("retrying " + what(call) + " in " + seconds(wait) + " (attempt " + (n + 1) + " of "
                    + policy.maxAttempts() + ") after " + cause(failure)
                    + (kind == RetryClassifier.Kind.AMBIGUOUS ? "; checking first whether it took effect" : ""));
            sleep(wait, call, failure);
            if (kind == RetryClassifier.Kind.AMBIGUOUS) {
                Optional<T> found = reconcile(reconciler, call, failure);
                if (found.isPresent()) return found.get();
            }
        }
    }

    /** The back-off for this retry, or the server's Retry-After when longer, capped at maxRetryAfter. */
    Duration waitBefore(int retry, ApiException failure) {
        Duration backoff = policy.backoff(retry, random.getAsDouble());
        Optional<Duration> asked = failure.retryAfter();
        if (asked.isEmpty()) return backoff;
        Duration honoured = asked.get().compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : asked.get();
        return honoured.compareTo(backoff) > 0 ? honoured : backoff;
    }

    private <T> Optional<T> reconcile(Reconciler<T> reconciler, HttpCall call, ApiException failure) {
        try {
            return reconciler.find();
        } catch (ApiException e) {
            ApiException unknown = new ApiException(failure.status(), failure.errorCode(),
                    "the outcome of " + what(call) + " is unknown (" + cause(failure) + ") and checking for it failed: "
                            + e.getMessage(), call.method(), call.path());
            unknown.initCause(failure);
            unknown.addSuppressed(e);
            throw unknown;
        }
    }

    private void sleep(Duration wait, HttpCall call, ApiException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ApiException.TransportException stop = new ApiException.TransportException(
                    "interrupted while waiting to retry after " + cause(failure), call.method(), call.path(), e);
            stop.addSuppressed(failure);
            throw stop;
        }
    }

    private static String what(HttpCall call) {
        return call.method() + " " + call.path();
    }

    private static String cause(ApiException e) {
        String msg = e.serverMessage() == null ? "no message" : e.serverMessage();
        return e.status() == 0 ? msg : "HTTP " + e.status() + " " + msg;
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
