package dev.obskit.sandbox;

import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A destination as the sandbox keeps it: secrets in clear, never sent as is (see
 * {@link DestinationJson#wire}). Immutable; an update stores a new value.
 *
 * @param apiKeyHashes null means all keys
 * @param filterRules  null means no rules; otherwise the normalised rules object
 * @param deletedAt    null while live; a tombstone otherwise (soft delete)
 */
public record StoredDestination(
        String id,
        String workspaceId,
        String name,
        String type,
        boolean enabled,
        boolean privacyMode,
        boolean broadcastGenerationCost,
        boolean broadcastGenerationIdentity,
        boolean broadcastGenerationRequestContext,
        BigDecimal samplingRate,
        List<String> regions,
        List<String> apiKeyHashes,
        JsonObject filterRules,
        JsonObject config,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt) {

    /** The list order of the API (doc §12): created_at ascending, ties broken by id. */
    public static final Comparator<StoredDestination> LIST_ORDER =
            Comparator.comparing(StoredDestination::createdAt).thenComparing(StoredDestination::id);

    public StoredDestination {
        regions = List.copyOf(regions);
        apiKeyHashes = apiKeyHashes == null ? null : List.copyOf(apiKeyHashes);
    }

    public boolean live() {
        return deletedAt == null;
    }

    StoredDestination deleted(Instant at) {
        return new StoredDestination(id, workspaceId, name, type, enabled, privacyMode, broadcastGenerationCost,
                broadcastGenerationIdentity, broadcastGenerationRequestContext, samplingRate, regions, apiKeyHashes,
                filterRules, config, createdAt, updatedAt, at);
    }

    @Override
    public String toString() { // never print secrets
        return "StoredDestination[id=" + id + ", type=" + type + ", name=" + name + ", workspaceId=" + workspaceId
                + (deletedAt == null ? "" : ", deleted") + "]";
    }
}
