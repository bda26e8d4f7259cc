package dev.obskit.sandbox;

import dev.obskit.json.Jsons;
import dev.obskit.model.DestinationType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Top-level validation of create and update bodies (doc §2.2, §2.4, §6). Pure: no state, no I/O.
 * Unknown top-level members are ignored (doc §12), so are {@code type} and {@code workspace_id} on update.
 */
final class DestinationRules {
    static final BigDecimal MIN_SAMPLING = new BigDecimal("0.0001");
    static final String[] FLAGS = {"enabled", "privacy_mode", "broadcast_generation_cost",
            "broadcast_generation_identity", "broadcast_generation_request_context"};

    private DestinationRules() {}

    /** A validated create request, before the store gives it an id, a workspace and timestamps. */
    record Create(StoredDestination draft, String workspaceId) {}

    static Create create(JsonObject body) {
        Issues issues = new Issues();
        String typeName = Jsons.string(body, "type");
        DestinationType type = null;
        if (typeName == null) issues.request("type", Issues.expected("string", body.get("type")));
        else {
            type = DestinationType.byName(typeName).orElse(null);
            if (type == null) issues.request("type", "Invalid option: expected one of "
                    + String.join("|", DestinationType.names().stream().map(n -> "\"" + n + "\"").toList()));
        }
        String name = Jsons.string(body, "name");
        if (name == null) issues.request("name", Issues.expected("string", body.get("name")));
        boolean[] flags = new boolean[FLAGS.length];
        for (int i = 0; i < FLAGS.length; i++) flags[i] = flag(body, FLAGS[i], i == 0, issues);
        BigDecimal rate = body.containsKey("sampling_rate") ? samplingRate(body.get("sampling_rate"), issues) : BigDecimal.ONE;
        JsonValue regionsSent = body.get("regions");
        List<String> regions = Jsons.isNull(regionsSent) ? Regions.DEFAULT : Regions.normalise(regionsSent, issues);
        List<String> hashes = apiKeyHashes(body.get("api_key_hashes"), issues);
        JsonObject rules = FilterRules.normalise(body.get("filter_rules"), issues);
        JsonValue workspace = body.get("workspace_id");
        String workspaceId = null;
        if (workspace instanceof JsonString s) workspaceId = s.getString();
        else if (!Jsons.isNull(workspace)) issues.request("workspace_id", Issues.expected("string", workspace));
        JsonObject config = null;
        if (!(body.get("config") instanceof JsonObject sentConfig)) {
            issues.request("config", Issues.expected("object", body.get("config")));
        } else if (type != null) {
            config = ConfigRules.forCreate(type, sentConfig, issues);
        }
        issues.throwIfAny();
        StoredDestination draft = new StoredDestination(null, null, name, typeName, flags[0], flags[1], flags[2],
                flags[3], flags[4], rate, regions, hashes, rules, config, null, null, null);
        return new Create(draft, workspaceId);
    }

    /** The destination after a partial update; omitted members keep their values. */
    static StoredDestination update(StoredDestination d, JsonObject body, Instant now) {
        Issues issues = new Issues();
        DestinationType type = DestinationType.byName(d.type()).orElseThrow();
        String name = d.name();
        if (body.containsKey("name")) {
            name = Jsons.string(body, "name");
            if (name == null) issues.request("name", Issues.expected("string", body.get("name")));
        }
        boolean[] flags = {d.enabled(), d.privacyMode(), d.broadcastGenerationCost(), d.broadcastGenerationIdentity(),
                d.broadcastGenerationRequestContext()};
        for (int i = 0; i < FLAGS.length; i++) flags[i] = flag(body, FLAGS[i], flags[i], issues);
        BigDecimal rate = body.containsKey("sampling_rate") ? samplingRate(body.get("sampling_rate"), issues) : d.samplingRate();
        List<String> regions = body.containsKey("regions") ? Regions.normalise(body.get("regions"), issues) : d.regions();
        List<String> hashes = body.containsKey("api_key_hashes") ? apiKeyHashes(body.get("api_key_hashes"), issues) : d.apiKeyHashes();
        JsonObject rules = body.containsKey("filter_rules") ? FilterRules.normalise(body.get("filter_rules"), issues) : d.filterRules();
        JsonObject config = d.config();
        if (body.containsKey("config")) {
            if (body.get("config") instanceof JsonObject sent) config = ConfigRules.merge(type, d.config(), sent, issues);
            else issues.request("config", Issues.expected("object", body.get("config")));
        }
        issues.throwIfAny();
        return new StoredDestination(d.id(), d.workspaceId(), name, d.type(), flags[0], flags[1], flags[2], flags[3],
                flags[4], rate, regions, hashes, rules, config, d.createdAt(), now, null);
    }

    private static boolean flag(JsonObject body, String key, boolean fallback, Issues issues) {
        JsonValue v = body.get(key);
        if (v == null) return fallback;
        if (v.getValueType() == JsonValue.ValueType.TRUE) return true;
        if (v.getValueType() == JsonValue.ValueType.FALSE) return false;
        issues.request(key, Issues.expected("boolean", v));
        return fallback;
    }

    private static BigDecimal samplingRate(JsonValue v, Issues issues) {
        if (!(v instanceof JsonNumber n)) {
            issues.request("sampling_rate", Issues.expected("number", v));
            return null;
        }
        BigDecimal rate = n.bigDecimalValue();
        if (rate.compareTo(MIN_SAMPLING) < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            issues.request("sampling_rate", "must be between 0.0001 and 1");
            return null;
        }
        return Jsons.number(rate).bigDecimalValue();
    }

    /** null clears (all keys); otherwise a non-empty array of strings. */
    private static List<String> apiKeyHashes(JsonValue v, Issues issues) {
        if (Jsons.isNull(v)) return null;
        if (!(v instanceof JsonArray a)) {
            issues.request("api_key_hashes", Issues.expected("array", v));
            return null;
        }
        if (a.isEmpty()) {
            issues.request("api_key_hashes", "Too small: expected array to have >=1 items");
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof JsonString s && !s.getString().isEmpty()) out.add(s.getString());
            else issues.request("api_key_hashes[" + i + "]", Issues.expected("string", a.get(i)));
        }
        return out;
    }
}
