package dev.obskit.run;

/**
 * Bounds the number of requests in flight and adapts it to the server: every 429 halves the limit
 * (at most once per cool-down, so one burst of 429s counts once), and each run of successes as
 * long as the current limit raises it by one, back up to the configured maximum.
 */
public final class AdaptiveLimiter {
    private final int max;
    private final long coolDownNanos;
    private int limit;
    private int inFlight;
    private int successes;
    private long lastDecrease;

    public AdaptiveLimiter(int max, long coolDownMillis) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        this.max = max;
        this.limit = max;
        this.coolDownNanos = coolDownMillis * 1_000_000L;
        this.lastDecrease = System.nanoTime() - coolDownNanos;
    }

    public synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) wait();
        inFlight++;
    }

    public synchronized void release() {
        inFlight--;
        notifyAll();
    }

    /** The server said 429. */
    public synchronized void onThrottled() {
        long now = System.nanoTime();
        if (now - lastDecrease < coolDownNanos) return;
        lastDecrease = now;
        limit = Math.max(1, limit / 2);
        successes = 0;
    }

    public synchronized void onSuccess() {
        if (limit >= max) return;
        if (++successes >= limit) {
            limit++;
            successes = 0;
            notifyAll();
        }
    }

    public synchronized int limit() {
        return limit;
    }
}
