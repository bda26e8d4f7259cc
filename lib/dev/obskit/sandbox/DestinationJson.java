package dev.obskit.sandbox;

import dev.obskit.secrets.Masking;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.json.Jsons;
import dev.obskit.model.DestinationType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;

/**
 * JSON forms of a {@link StoredDestination}: the wire form (doc §3, snake_case, every key present,
 * secrets and header values masked) and the state-file form (secrets in clear, plus the tombstone).
 */
public final class DestinationJson {
    private DestinationJson() {}

    /** What the API sends: every secret config value and every header value masked (doc §5). */
    public static JsonObject wire(StoredDestination d) {
        return common(d, maskedConfig(d)).build();
    }

    static JsonObject state(StoredDestination d) {
        JsonObjectBuilder b = common(d, d.config());
        b.add("deleted_at", d.deletedAt() == null ? JsonValue.NULL : JSON.createValue(Timestamps.format(d.deletedAt())));
        return b.build();
    }

    static StoredDestination fromState(JsonObject o) {
        JsonValue rules = o.get("filter_rules");
        return new StoredDestination(
                Jsons.string(o, "id"), Jsons.string(o, "workspace_id"), Jsons.string(o, "name"), Jsons.string(o, "type"),
                Jsons.bool(o, "enabled", true), Jsons.bool(o, "privacy_mode", false),
                Jsons.bool(o, "broadcast_generation_cost", false), Jsons.bool(o, "broadcast_generation_identity", false),
                Jsons.bool(o, "broadcast_generation_request_context", false),
                Jsons.decimal(o, "sampling_rate"), Jsons.strings(o, "regions"), Jsons.strings(o, "api_key_hashes"),
                rules instanceof JsonObject r ? r : null, o.getJsonObject("config"),
                Timestamps.parse(Jsons.string(o, "created_at")), Timestamps.parse(Jsons.string(o, "updated_at")),
                Timestamps.parse(Jsons.string(o, "deleted_at")));
    }

    private static JsonObjectBuilder common(StoredDestination d, JsonObject config) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", d.id())
                .add("workspace_id", d.workspaceId());
        if (d.name() == null) b.addNull("name");
        else b.add("name", d.name());
        return b.add("type", d.type())
                .add("enabled", d.enabled())
                .add("privacy_mode", d.privacyMode())
                .add("broadcast_generation_cost", d.broadcastGenerationCost())
                .add("broadcast_generation_identity", d.broadcastGenerationIdentity())
                .add("broadcast_generation_request_context", d.broadcastGenerationRequestContext())
                .add("sampling_rate", Jsons.number(d.samplingRate()))
                .add("regions", Jsons.array(d.regions()))
                .add("api_key_hashes", d.apiKeyHashes() == null ? JsonValue.NULL : Jsons.array(d.apiKeyHashes()))
                .add("filter_rules", d.filterRules() == null ? JsonValue.NULL : d.filterRules())
                .add("config", config)
                .add("created_at", Timestamps.format(d.createdAt()))
                .add("updated_at", Timestamps.format(d.updatedAt()));
    }

    private static JsonObject maskedConfig(StoredDestination d) {
        DestinationType type = DestinationType.byName(d.type()).orElse(null);
        JsonObjectBuilder b = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : d.config().entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            if (DestinationType.HEADERS.equals(key) && v instanceof JsonObject headers) {
                JsonObjectBuilder h = JSON.createObjectBuilder();
                headers.forEach((name, value) -> h.add(name, value instanceof JsonString s ? Masking.mask(s.getString()) : Masking.SHORT_MASK));
                b.add(key, h);
            } else if ((type == null || type.isSecret(key)) && v instanceof JsonString s) {
                b.add(key, Masking.mask(s.getString())); // an unknown type masks everything: leak nothing
            } else {
                b.add(key, v);
            }
        }
        return b.build();
    }
}
