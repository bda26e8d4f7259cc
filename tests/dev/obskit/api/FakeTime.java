package dev.obskit.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when the client "sleeps": retries are asserted without real waiting. */
final class FakeTime extends Clock implements Sleeper {
    private volatile Instant now;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        this.now = start;
    }

    FakeTime() {
        this(Instant.parse("2026-09-05T08:00:00Z"));
    }

    @Override
    public void sleep(Duration d) {
        waits.add(d);
        now = now.plus(d);
    }

    Duration totalWait() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
}
