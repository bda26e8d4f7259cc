package dev.obskit.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The destination ids this client has already received, each stamped with a sequence number, so
 * that "did this object exist before my create started?" has an exact answer for every id the
 * client has listed, read or created before.
 */
final class SeenIds {
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    void saw(String id) {
        if (id != null) firstSeen.computeIfAbsent(id, k -> clock.incrementAndGet());
    }

    /** A point in the sequence; ids seen from now on are "after" it. */
    long mark() {
        return clock.get();
    }

    boolean seenBy(String id, long mark) {
        Long at = firstSeen.get(id);
        return at != null && at <= mark;
    }
}
