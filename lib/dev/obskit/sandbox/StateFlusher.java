package dev.obskit.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the state file in the background, at most once per interval and only after a change, so
 * a burst of requests costs one write rather than one per request. {@link #close} writes the last
 * changes.
 */
final class StateFlusher implements AutoCloseable {
    private final SandboxState state;
    private final Path file;
    private final ScheduledExecutorService timer;
    private long written = -1;

    StateFlusher(SandboxState state, Path file, Duration interval) {
        this.state = state;
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "obs-sandbox-flush");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Writes the file now if anything changed since the last write. */
    synchronized void flush() {
        long version = state.version();
        if (version == written) return;
        StateFile.save(file, state.snapshot());
        written = version;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the next tick or close() tries again; the previous file is intact (atomic write)
            System.err.println("obs-sandbox: could not write state: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
