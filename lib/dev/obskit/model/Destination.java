package dev.obskit.model;

import dev.obskit.json.Jsons;
import dev.obskit.secrets.Masking;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An observability destination as the API returns it: typed top-level fields for convenience,
 * and the untouched wire object in {@link #json()}, so unknown fields and unknown types survive a
 * round trip. Secrets in {@link #config()} are whatever the server sent (masked by the real API).
 *
 * <p>Tolerant of older servers: missing {@code broadcast_generation_*} read as false, a missing
 * {@code regions} reads as null (unknown), never as an empty list.
 */
public record Destination(
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
        JsonValue filterRules,
        JsonObject config,
        String createdAt,
        String updatedAt,
        JsonObject json) {

    /** Sort order of exports and plans: workspace, then creation time, then id. */
    public static final Comparator<Destination> BY_WORKSPACE_CREATED_ID =
            Comparator.comparing((Destination d) -> nullToEmpty(d.workspaceId()))
                    .thenComparing(Destination::createdAtInstant, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(d -> nullToEmpty(d.id()));

    public static Destination fromJson(JsonObject o) {
        JsonValue config = o.get("config");
        JsonValue rules = o.get("filter_rules");
        return new Destination(
                Jsons.string(o, "id"),
                Jsons.string(o, "workspace_id"),
                Jsons.string(o, "name"),
                Jsons.string(o, "type"),
                Jsons.bool(o, "enabled", true),
                Jsons.bool(o, "privacy_mode", false),
                Jsons.bool(o, "broadcast_generation_cost", false),
                Jsons.bool(o, "broadcast_generation_identity", false),
                Jsons.bool(o, "broadcast_generation_request_context", false),
                Jsons.decimal(o, "sampling_rate"),
                Jsons.strings(o, "regions"),
                Jsons.strings(o, "api_key_hashes"),
                rules == null ? JsonValue.NULL : rules,
                config instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT,
                Jsons.string(o, "created_at"),
                Jsons.string(o, "updated_at"),
                o);
    }

    /** The destination exactly as received, including fields this version does not know. */
    public JsonObject toJson() {
        return json;
    }

    public boolean hasFilterRules() {
        return !Jsons.isNull(filterRules);
    }

    /** {@code created_at} as an instant; accepts second and millisecond precision. Null if absent or unreadable. */
    public Instant createdAtInstant() {
        return parseInstant(createdAt);
    }

    /**
     * The credentials in {@link #config()}, safe to show: each secret key of the type, and each
     * custom header as {@code headers.NAME}, mapped to its masked value ({@code sk-l...AbCd}, or
     * {@code ********} for short ones). Values the server sent masked are kept as sent; anything
     * sent in clear is masked here. Answers "which destinations use the key ending AbCd":
     *
     * <pre>{@code
     * client.allDestinations().filter(d -> d.secrets().values().stream().anyMatch(v -> v.endsWith("AbCd")))
     * }</pre>
     */
    public Map<String, String> secrets() {
        JsonObject safe = Masking.safeConfig(type, config);
        DestinationType spec = DestinationType.byName(type).orElse(null);
        Map<String, String> out = new LinkedHashMap<>();
        safe.forEach((key, value) -> {
            if (DestinationType.HEADERS.equals(key) && value instanceof JsonObject headers) {
                headers.forEach((name, v) -> {
                    if (v instanceof JsonString s) out.put(DestinationType.HEADERS + "." + name, s.getString());
                });
            } else if (spec != null && spec.isSecret(key) && value instanceof JsonString s) {
                out.put(key, s.getString());
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** A config value as text, or null when absent. */
    public String configString(String key) {
        return Jsons.string(config, key);
    }

    static Instant parseInstant(String text) {
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
