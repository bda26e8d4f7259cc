package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The content of a fresh sandbox: workspaces and destinations, plus the workspace the keys belong
 * to. {@link #toState} adds a management key and an inference key, random for each fresh state.
 */
record Account(List<SandboxWorkspace> workspaces, List<StoredDestination> destinations, String defaultWorkspaceId) {

    SandboxState toState(int maxPerType) {
        SecureRandom random = new SecureRandom();
        SandboxKey management = new SandboxKey("sk-or-mgmt-sandbox-" + hex(random, 24), "obs-sandbox management key", true, defaultWorkspaceId);
        SandboxKey inference = new SandboxKey("sk-or-v1-sandbox-" + hex(random, 32), "obs-sandbox inference key", false, defaultWorkspaceId);
        return new SandboxState(List.of(management, inference), workspaces, destinations, maxPerType);
    }

    private static String hex(SecureRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A workspace in the wire form of doc §11, every required key present. */
    static SandboxWorkspace workspace(Random r, String name, String slug, String description, Instant createdAt,
                                      boolean broadcast) {
        return workspace(r, SampleConfigs.uuid(r), name, slug, description, createdAt, broadcast);
    }

    static SandboxWorkspace workspace(Random r, String id, String name, String slug, String description, Instant createdAt,
                                      boolean broadcast) {
        JsonObject json = JSON.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("slug", slug)
                .add("description", description == null ? JsonValue.NULL : JSON.createValue(description))
                .add("default_guardrail_id", SampleConfigs.uuid(r))
                .add("default_text_model", "openai/gpt-4o-mini")
                .addNull("default_image_model")
                .addNull("default_provider_sort")
                .add("is_observability_broadcast_enabled", broadcast)
                .add("is_observability_io_logging_enabled", false)
                .add("is_data_discount_logging_enabled", false)
                .add("io_logging_sampling_rate", 1)
                .addNull("io_logging_api_key_ids")
                .add("include_byok_in_budgets", false)
                .add("disabled_server_tools", JsonValue.NULL)
                .add("created_at", Timestamps.format(createdAt))
                .add("updated_at", Timestamps.format(createdAt))
                .add("created_by", "user_2" + SampleConfigs.alnum(r, 26))
                .build();
        return new SandboxWorkspace(id, slug, createdAt, json);
    }
}
