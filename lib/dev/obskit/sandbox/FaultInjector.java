package dev.obskit.sandbox;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns {@link Faults} into a decision per request. The random draws of request number n depend
 * only on the seed and n, never on thread timing, so a run replays. The rate limit counts requests
 * in one-second windows of the wall clock.
 */
final class FaultInjector {
    /** What happens to one request. */
    record Decision(long delayMillis, boolean dropBefore, boolean error, boolean dropAfterCreate) {
        static final Decision NONE = new Decision(0, false, false, false);
    }

    private volatile Faults faults;
    private final AtomicLong requests = new AtomicLong();
    private long windowSecond = -1;
    private int windowCount;

    FaultInjector(Faults faults) {
        set(faults);
    }

    Faults faults() {
        return faults;
    }

    /** New faults take effect with the next request; the request numbering starts again at 0. */
    synchronized void set(Faults faults) {
        this.faults = faults == null ? Faults.none() : faults;
        requests.set(0);
        windowSecond = -1;
        windowCount = 0;
    }

    Decision next() {
        Faults f = faults;
        if (!f.any()) return Decision.NONE;
        long n = requests.getAndIncrement();
        SplittableRandom r = new SplittableRandom(f.seed() * 0x9E3779B97F4A7C15L + n);
        long delay = f.latency().toMillis();
        long jitter = f.jitter().toMillis();
        if (jitter > 0) delay += r.nextLong(jitter + 1);
        // one draw per fault kind, always taken, so switching one fault on does not reshuffle the others
        double dropBefore = r.nextDouble();
        double error = r.nextDouble();
        double dropAfter = r.nextDouble();
        return new Decision(delay, dropBefore < f.dropBeforeRate(), error < f.errorRate(), dropAfter < f.dropAfterCreateRate());
    }

    /** 0 when the request may go on, else the whole seconds until the current window ends. */
    int retryAfterSeconds(long nowMillis) {
        if (faults.rateLimit() <= 0) return 0; // no lock on the common path
        return countInWindow(nowMillis);
    }

    private synchronized int countInWindow(long nowMillis) {
        int limit = faults.rateLimit();
        if (limit <= 0) return 0;
        long second = nowMillis / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            windowCount = 0;
        }
        if (++windowCount <= limit) return 0;
        return 1; // the window ends within the next second
    }
}
