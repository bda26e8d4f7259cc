package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The API operations of doc §2, §11 and §16 on a {@link SandboxState}: query checks, workspace
 * scoping, validation, and the response bodies. Knows nothing of HTTP; errors are {@link ApiError}s.
 */
final class SandboxApi {
    private static final Pattern UUID_FORM =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** A status and the JSON text of the body. */
    record Reply(int status, String body) {
        Reply(int status, JsonObject body) {
            this(status, Jsons.write(body));
        }
    }

    /** The wire text of a stored destination, kept until the destination changes (values are immutable). */
    private record Rendered(StoredDestination source, String text) {}

    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    private final SandboxState state;
    private final Supplier<Instant> clock;

    SandboxApi(SandboxState state, Supplier<Instant> clock) {
        this.state = state;
        this.clock = clock;
    }

    Reply listDestinations(SandboxKey caller, Map<String, String> query) {
        int offset = offset(query);
        int limit = limit(query);
        String workspaceId = scope(caller, query.get("workspace_id"));
        SandboxState.Page<StoredDestination> page = state.list(workspaceId, offset, limit);
        StringBuilder body = new StringBuilder(1024 * (page.items().size() + 1)).append("{\"data\":[");
        for (int i = 0; i < page.items().size(); i++) {
            if (i > 0) body.append(',');
            body.append(wire(page.items().get(i)));
        }
        return new Reply(200, body.append("],\"total_count\":").append(page.totalCount()).append('}').toString());
    }

    Reply createDestination(SandboxKey caller, JsonObject body) {
        DestinationRules.Create request = DestinationRules.create(body);
        String workspaceId = scope(caller, request.workspaceId());
        Instant now = now();
        StoredDestination d = request.draft();
        StoredDestination created = state.create(new StoredDestination(UUID.randomUUID().toString(), workspaceId,
                d.name(), d.type(), d.enabled(), d.privacyMode(), d.broadcastGenerationCost(),
                d.broadcastGenerationIdentity(), d.broadcastGenerationRequestContext(), d.samplingRate(), d.regions(),
                d.apiKeyHashes(), d.filterRules(), d.config(), now, now, null));
        return new Reply(201, data(wire(created)));
    }

    Reply getDestination(String id) {
        return new Reply(200, data(wire(state.get(id).orElseThrow(ApiError::notFound))));
    }

    Reply updateDestination(String id, JsonObject body) {
        StoredDestination updated = state.update(id, current -> DestinationRules.update(current, body, later(current.createdAt())));
        return new Reply(200, data(wire(updated)));
    }

    Reply deleteDestination(String id) {
        state.delete(id, now());
        return ok(JSON.createObjectBuilder().add("deleted", true).build());
    }

    Reply listWorkspaces(Map<String, String> query) {
        int offset = offset(query);
        int limit = limit(query);
        var all = state.workspaces();
        JsonArrayBuilder data = JSON.createArrayBuilder();
        all.stream().skip(offset).limit(limit).forEach(w -> data.add(w.json()));
        return ok(JSON.createObjectBuilder().add("data", data).add("total_count", all.size()).build());
    }

    Reply getWorkspace(String idOrSlug) {
        return ok(data(state.workspace(idOrSlug).orElseThrow(ApiError::notFound).json()));
    }

    /** {@code GET /key}: the whole §16 object, so that strict clients parse it. */
    Reply keyInfo(SandboxKey caller) {
        JsonValue workspace = caller.workspaceId() == null ? JsonValue.NULL : JSON.createValue(caller.workspaceId());
        JsonObject info = JSON.createObjectBuilder()
                .add("label", caller.label())
                .add("is_management_key", caller.management())
                .add("is_provisioning_key", caller.management())
                .add("is_free_tier", false)
                .add("workspace_id", workspace)
                .addNull("organization_id")
                .addNull("creator_user_id")
                .addNull("limit")
                .addNull("limit_remaining")
                .addNull("limit_reset")
                .add("include_byok_in_limit", false)
                .add("usage", 0).add("usage_daily", 0).add("usage_weekly", 0).add("usage_monthly", 0)
                .add("byok_usage", 0).add("byok_usage_daily", 0).add("byok_usage_weekly", 0).add("byok_usage_monthly", 0)
                .add("rate_limit", JSON.createObjectBuilder().add("requests", -1).add("interval", "10s")
                        .add("note", "This field is deprecated and safe to ignore."))
                .add("free_model_daily_requests", JSON.createObjectBuilder().add("limit", 1000).add("remaining", 1000).add("used", 0))
                .add("allowed_data_regions", Jsons.array(Regions.KNOWN))
                .addNull("expires_at")
                .build();
        return ok(data(info));
    }

    /** The workspace a call works in: the one asked for (a UUID that exists) or the key's default. */
    private String scope(SandboxKey caller, String requested) {
        if (requested == null) {
            if (caller.workspaceId() == null) throw ApiError.badRequest(ApiError.BAD_REQUEST + ": workspace_id is required for this key");
            return caller.workspaceId();
        }
        if (!UUID_FORM.matcher(requested).matches()) {
            throw ApiError.badRequest(ApiError.BAD_REQUEST + ": workspace_id: Invalid UUID");
        }
        return state.workspace(requested).filter(w -> w.id().equals(requested)).orElseThrow(ApiError::notFound).id();
    }

    private Instant now() {
        return Timestamps.millis(clock.get());
    }

    /** updated_at never goes before created_at, whatever the clock says. */
    private Instant later(Instant createdAt) {
        Instant now = now();
        return now.isBefore(createdAt) ? createdAt : now;
    }

    private static int offset(Map<String, String> query) {
        return intParam(query, "offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int limit(Map<String, String> query) {
        return intParam(query, "limit", 50, 1, 100);
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        String text = query.get(name);
        if (text == null || text.isEmpty()) return fallback;
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(ApiError.BAD_REQUEST + ": " + name + ": Invalid input: expected integer");
        }
        if (value < min || value > max) {
            throw ApiError.badRequest(ApiError.BAD_REQUEST + ": " + name
                    + (max == Integer.MAX_VALUE ? ": must be " + min + " or more" : ": must be between " + min + " and " + max));
        }
        return value;
    }

    private static Reply ok(JsonObject body) {
        return new Reply(200, body);
    }

    /**
     * Rendering (masking, timestamps, JSON text) costs more than the rest of a request, and reads
     * outnumber writes, so each destination is rendered once per version.
     */
    private String wire(StoredDestination d) {
        Rendered r = rendered.get(d.id());
        if (r != null && r.source() == d) return r.text();
        String text = Jsons.write(DestinationJson.wire(d));
        rendered.put(d.id(), new Rendered(d, text));
        return text;
    }

    private static String data(String objectText) {
        return "{\"data\":" + objectText + "}";
    }

    private static JsonObject data(JsonObject o) {
        return JSON.createObjectBuilder().add("data", o).build();
    }
}
