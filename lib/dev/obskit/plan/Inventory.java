package dev.obskit.plan;

import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lists the destinations of several workspaces, in parallel (a job over 20 workspaces should not
 * pay 20 round trips one after the other), sorted by workspace, creation time and id.
 */
public final class Inventory {
    private Inventory() {}

    public static List<Destination> list(ObsClient client, List<String> workspaceIds, int parallelism) throws InterruptedException {
        if (workspaceIds.size() <= 1 || parallelism <= 1) {
            List<Destination> all = new ArrayList<>();
            for (String ws : workspaceIds) all.addAll(client.destinations(ws).toList());
            return sorted(all);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, workspaceIds.size()));
        try {
            List<Future<List<Destination>>> pages = new ArrayList<>();
            for (String ws : workspaceIds) pages.add(pool.submit(() -> client.destinations(ws).toList()));
            List<Destination> all = new ArrayList<>();
            for (Future<List<Destination>> f : pages) {
                try {
                    all.addAll(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
            return sorted(all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Destination> sorted(List<Destination> all) {
        return all.stream().sorted(Destination.BY_WORKSPACE_CREATED_ID).toList();
    }
}
