package dev.obskit.cli;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.model.Workspace;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which workspaces a job covers: the key's default one, some by id or slug, or all of them. */
public class ScopeOptions {

    @Option(names = "--workspace", paramLabel = "ID|SLUG",
            description = "Workspace by UUID or slug; repeat for several (default: the key's default workspace).")
    List<String> workspaces = new ArrayList<>();

    @Option(names = "--all-workspaces", description = "Every workspace the key can see.")
    boolean allWorkspaces;

    /**
     * The workspace ids in scope, sorted, without duplicates. A single {@code null} stands for the
     * key's default workspace. An unknown workspace is bad input (exit 2), found before any change.
     */
    public List<String> resolve(ObsClient client) {
        if (allWorkspaces && !workspaces.isEmpty()) {
            throw new UsageException("use either --workspace or --all-workspaces, not both");
        }
        if (allWorkspaces) {
            return client.workspaces().map(Workspace::id).sorted().distinct().toList();
        }
        if (workspaces.isEmpty()) {
            List<String> defaultOnly = new ArrayList<>();
            defaultOnly.add(null);
            return defaultOnly;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String ref : workspaces) {
            if (ref == null || ref.isBlank()) throw new UsageException("--workspace needs an id or a slug");
            try {
                ids.add(client.workspace(ref.strip()).id());
            } catch (ApiException.NotFoundException | ApiException.BadRequestException e) {
                throw new UsageException("--workspace " + ref + ": no such workspace (" + e.serverMessage() + ")");
            }
        }
        return ids.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
