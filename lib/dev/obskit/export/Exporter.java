package dev.obskit.export;

import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;
import dev.obskit.plan.Inventory;

import java.io.IOException;
import java.util.List;

/**
 * Writes the destinations of the workspaces in scope, sorted by workspace, then
 * {@code created_at}, then id. Workspaces are listed in parallel; at most 5 destinations per type
 * per workspace keeps even a large account to a few thousand objects in memory.
 */
public final class Exporter {
    private final ObsClient client;
    private final int parallelism;

    public Exporter(ObsClient client, int parallelism) {
        this.client = client;
        this.parallelism = parallelism;
    }

    /** Exports and returns the number of destinations written. */
    public int export(List<String> workspaceIds, DestinationWriter out) throws IOException, InterruptedException {
        List<Destination> all = Inventory.list(client, workspaceIds, parallelism);
        for (Destination d : all) out.write(d);
        out.finish();
        return all.size();
    }
}
