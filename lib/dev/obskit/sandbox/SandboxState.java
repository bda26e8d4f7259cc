package dev.obskit.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * The sandbox account: keys, workspaces and destinations (tombstones included). Every mutation is
 * one critical section under a write lock, so concurrent clients never lose an update or see a
 * torn object; stored values are immutable, so readers copy references and render outside the lock.
 */
public final class SandboxState {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, SandboxKey> keys = new LinkedHashMap<>();
    private final Map<String, SandboxWorkspace> workspaces = new LinkedHashMap<>();
    private final Map<String, StoredDestination> destinations = new HashMap<>();
    /** Live destinations per workspace, in list order. */
    private final Map<String, TreeSet<StoredDestination>> byWorkspace = new HashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final int maxPerType;

    /** One page of a list: the items and the count of every match (doc §2.1 {@code total_count}). */
    public record Page<T>(List<T> items, int totalCount) {}

    /** A consistent copy of everything, for the state file. */
    record Snapshot(List<SandboxKey> keys, List<SandboxWorkspace> workspaces, List<StoredDestination> destinations) {}

    SandboxState(Collection<SandboxKey> keys, Collection<SandboxWorkspace> workspaces,
                 Collection<StoredDestination> destinations, int maxPerType) {
        this.maxPerType = maxPerType;
        keys.forEach(k -> this.keys.put(k.key(), k));
        workspaces.forEach(w -> this.workspaces.put(w.id(), w));
        destinations.forEach(this::put);
    }

    // ---- keys ---------------------------------------------------------------------------

    public Optional<SandboxKey> key(String key) {
        return read(() -> Optional.ofNullable(keys.get(key)));
    }

    public List<SandboxKey> keys() {
        return read(() -> List.copyOf(keys.values()));
    }

    public void addKey(SandboxKey key) {
        write(() -> keys.put(key.key(), key));
    }

    // ---- workspaces ---------------------------------------------------------------------

    /** All workspaces, created_at ascending then id. */
    public List<SandboxWorkspace> workspaces() {
        List<SandboxWorkspace> all = read(() -> new ArrayList<>(workspaces.values()));
        all.sort(Comparator.comparing(SandboxWorkspace::createdAt).thenComparing(SandboxWorkspace::id));
        return all;
    }

    /** A workspace by UUID or slug. */
    public Optional<SandboxWorkspace> workspace(String idOrSlug) {
        return read(() -> {
            SandboxWorkspace byId = workspaces.get(idOrSlug);
            if (byId != null) return Optional.of(byId);
            return workspaces.values().stream().filter(w -> w.slug().equals(idOrSlug)).findFirst();
        });
    }

    public void addWorkspace(SandboxWorkspace workspace) {
        write(() -> workspaces.put(workspace.id(), workspace));
    }

    // ---- destinations -------------------------------------------------------------------

    public Page<StoredDestination> list(String workspaceId, int offset, int limit) {
        return read(() -> {
            TreeSet<StoredDestination> live = byWorkspace.get(workspaceId);
            if (live == null) return new Page<>(List.of(), 0);
            List<StoredDestination> page = new ArrayList<>(Math.min(limit, live.size()));
            int i = 0;
            for (StoredDestination d : live) {
                if (i++ < offset) continue;
                if (page.size() == limit) break;
                page.add(d);
            }
            return new Page<>(page, live.size());
        });
    }

    /** A live destination. */
    public Optional<StoredDestination> get(String id) {
        return stored(id).filter(StoredDestination::live);
    }

    /** A destination as stored, tombstones included (for tests and inspection). */
    public Optional<StoredDestination> stored(String id) {
        return read(() -> Optional.ofNullable(destinations.get(id)));
    }

    /** Every live destination, by workspace then list order. */
    public List<StoredDestination> liveDestinations() {
        return read(() -> destinations.values().stream().filter(StoredDestination::live)
                .sorted(Comparator.comparing(StoredDestination::workspaceId).thenComparing(StoredDestination.LIST_ORDER))
                .toList());
    }

    /** Stores a new destination unless its type already has {@code maxPerType} live ones in the workspace. */
    StoredDestination create(StoredDestination d) {
        return write(() -> {
            TreeSet<StoredDestination> live = byWorkspace.get(d.workspaceId());
            long sameType = live == null ? 0 : live.stream().filter(x -> x.type().equals(d.type())).count();
            if (sameType >= maxPerType) throw ApiError.badRequest("Maximum of " + maxPerType + " destinations per type reached");
            put(d);
            return d;
        });
    }

    /** Replaces a live destination by {@code change(current)}; the change may throw to leave it as it was. */
    StoredDestination update(String id, UnaryOperator<StoredDestination> change) {
        return write(() -> {
            StoredDestination current = destinations.get(id);
            if (current == null || !current.live()) throw ApiError.notFound();
            StoredDestination next = change.apply(current);
            put(next);
            return next;
        });
    }

    /** Soft delete: the destination becomes a tombstone, gone from list, get and the per-type count. */
    void delete(String id, Instant at) {
        write(() -> {
            StoredDestination current = destinations.get(id);
            if (current == null || !current.live()) throw ApiError.notFound();
            put(current.deleted(at));
            return null;
        });
    }

    /** Grows by one on every change; the flusher compares it with what it last wrote. */
    long version() {
        return version.get();
    }

    Snapshot snapshot() {
        return read(() -> {
            List<StoredDestination> all = new ArrayList<>(destinations.values());
            all.sort(Comparator.comparing(StoredDestination::workspaceId).thenComparing(StoredDestination.LIST_ORDER));
            List<SandboxWorkspace> ws = new ArrayList<>(workspaces.values());
            ws.sort(Comparator.comparing(SandboxWorkspace::createdAt).thenComparing(SandboxWorkspace::id));
            return new Snapshot(List.copyOf(keys.values()), ws, all);
        });
    }

    private void put(StoredDestination d) {
        StoredDestination old = destinations.put(d.id(), d);
        if (old != null && old.live()) byWorkspace.get(old.workspaceId()).remove(old);
        if (d.live()) byWorkspace.computeIfAbsent(d.workspaceId(), w -> new TreeSet<>(StoredDestination.LIST_ORDER)).add(d);
    }

    private <T> T read(java.util.function.Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> body) {
        lock.writeLock().lock();
        try {
            T result = body.get();
            version.incrementAndGet();
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
