package dev.obskit.export;

import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;

import java.io.IOException;
import java.util.List;

/**
 * Walks the workspaces in scope and writes their destinations, sorted by workspace, then
 * {@code created_at}, then id. One workspace is held in memory at a time (at most 5 per type, so
 * a few hundred objects); the output streams.
 */
public final class Exporter {
    private final ObsClient client;

    public Exporter(ObsClient client) {
        this.client = client;
    }

    /** Exports and returns the number of destinations written. */
    public int export(List<String> workspaceIds, DestinationWriter out) throws IOException {
        int count = 0;
        for (String workspaceId : workspaceIds) {
            List<Destination> sorted = client.destinations(workspaceId).sorted(Destination.BY_WORKSPACE_CREATED_ID).toList();
            for (Destination d : sorted) {
                out.write(d);
                count++;
            }
        }
        out.finish();
        return count;
    }
}
