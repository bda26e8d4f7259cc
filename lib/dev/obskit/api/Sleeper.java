package dev.obskit.api;

import java.time.Duration;

/** Waits between retries. Pluggable so tests can record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps. */
    Sleeper SYSTEM = d -> {
        if (!d.isZero() && !d.isNegative()) Thread.sleep(d.toMillis());
    };
}
