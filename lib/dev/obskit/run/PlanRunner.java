package dev.obskit.run;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;
import dev.obskit.plan.Change;
import dev.obskit.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes a plan: at most {@code concurrency} calls in flight (fewer while the server answers
 * 429), each finished item journalled before it counts, items already done in an earlier attempt
 * skipped. A 401/403 stops the run (every further call would fail the same way); so does
 * {@link #stop()}, called on Ctrl-C: calls in flight finish and are journalled, nothing new starts.
 */
public final class PlanRunner {
    private final ObsClient client;
    private final int concurrency;
    private final AdaptiveLimiter limiter;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean authFailed = new AtomicBoolean();

    public PlanRunner(ObsClient client, int concurrency, AdaptiveLimiter limiter) {
        this.client = client;
        this.concurrency = concurrency;
        this.limiter = limiter;
    }

    /** Asks the run to stop after the calls in flight. */
    public void stop() {
        stopping.set(true);
    }

    public RunOutcome run(Plan plan, Journal journal, Set<String> alreadyDone, Progress progress) throws InterruptedException {
        List<Change> todo = plan.changes().stream().filter(c -> !alreadyDone.contains(c.key())).toList();
        ItemResult[] results = new ItemResult[todo.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, todo.size())), r -> {
            Thread t = new Thread(r, "obskit-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CompletableFuture<Void>>> tasks = new ArrayList<>(todo.size());
            for (int i = 0; i < todo.size(); i++) {
                int index = i;
                tasks.add(pool.submit(() -> {
                    Change change = todo.get(index);
                    if (stopping.get() || authFailed.get()) {
                        results[index] = ItemResult.notAttempted(change);
                        return CompletableFuture.completedFuture(null);
                    }
                    ItemResult r = execute(change);
                    // the worker goes on to its next item while the journal writer forces this one to disk
                    return journal.recordAsync(r).thenRun(() -> {
                        results[index] = r;
                        (r.status() == ItemResult.Status.DONE ? done : failed).incrementAndGet();
                        progress.update(done.get(), failed.get());
                    });
                }));
            }
            for (Future<CompletableFuture<Void>> task : tasks) {
                try {
                    task.get().join();
                } catch (ExecutionException | CompletionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            progress.finish();
        }
        return new RunOutcome(List.of(results), stopping.get(), authFailed.get());
    }

    /**
     * An item whose calls kept getting 429 after the client's own retries goes back to the limiter
     * (now lower) this many times in all before it counts as failed: throttling alone should slow
     * a run down, not fail it.
     */
    private static final int THROTTLED_ROUNDS = 4;

    private ItemResult execute(Change change) {
        for (int round = 1; ; round++) {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ItemResult.notAttempted(change);
            }
            try {
                ItemResult r = call(change);
                limiter.onSuccess();
                return r;
            } catch (ApiException.RateLimitException e) {
                if (round < THROTTLED_ROUNDS && !stopping.get()) {
                    limiter.onThrottled();
                    continue;
                }
                return ItemResult.failed(change, e.status(), e.getMessage());
            } catch (ApiException e) {
                if (e instanceof ApiException.AuthenticationException || e instanceof ApiException.PermissionException) {
                    authFailed.set(true);
                }
                return ItemResult.failed(change, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                return ItemResult.failed(change, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                limiter.release();
            }
        }
    }

    private ItemResult call(Change change) {
        return switch (change.action()) {
            case UPDATE -> ItemResult.done(change, client.updateDestination(change.id(), change.body()).id());
            case CREATE -> {
                Destination created = client.createDestination(change.body());
                yield ItemResult.done(change, created.id());
            }
            case DELETE -> {
                client.deleteDestination(change.id());
                yield ItemResult.done(change, change.id());
            }
        };
    }

    /** Item keys an earlier attempt of this run finished. */
    public static Set<String> doneKeys(Map<String, jakarta.json.JsonObject> journal) {
        return journal.entrySet().stream()
                .filter(e -> "done".equals(e.getValue().getString("status", "")))
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
