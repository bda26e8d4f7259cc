package dev.obskit.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdaptiveLimiterTest {

    @Test
    void halvesOn429ThenClimbsBackOneStepPerLimitSuccesses() {
        AdaptiveLimiter limiter = new AdaptiveLimiter(16, 0);
        limiter.onThrottled();
        assertEquals(8, limiter.limit());
        limiter.onThrottled();
        assertEquals(4, limiter.limit());
        for (int i = 0; i < 3; i++) limiter.onSuccess();
        assertEquals(4, limiter.limit(), "needs as many successes as the limit");
        limiter.onSuccess();
        assertEquals(5, limiter.limit());
        for (int i = 0; i < 200; i++) limiter.onSuccess();
        assertEquals(16, limiter.limit(), "recovers to the configured maximum, not beyond");
    }

    @Test
    void aBurstOf429sWithinTheCoolDownCountsOnce() {
        AdaptiveLimiter limiter = new AdaptiveLimiter(16, 60_000);
        limiter.onThrottled();
        limiter.onThrottled();
        limiter.onThrottled();
        assertEquals(8, limiter.limit());
    }

    @Test
    void neverBelowOne() {
        AdaptiveLimiter limiter = new AdaptiveLimiter(2, 0);
        for (int i = 0; i < 5; i++) limiter.onThrottled();
        assertEquals(1, limiter.limit());
    }

    @Test
    void boundsRequestsInFlight() throws Exception {
        AdaptiveLimiter limiter = new AdaptiveLimiter(4, 0);
        limiter.onThrottled(); // limit 2
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    limiter.acquire();
                    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    inFlight.decrementAndGet();
                    limiter.release();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) t.join();
        assertEquals(2, peak.get());
    }
}
