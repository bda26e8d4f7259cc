package dev.obskit.sandbox;

import dev.obskit.secrets.Masking;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.model.ConfigKey;
import dev.obskit.model.DestinationType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-type {@code config} validation (doc §4), driven by the type table in {@link DestinationType}:
 * required keys, defaults filled in, patterns, enums, lengths, the {@code headers} map. Unknown
 * keys are dropped silently, as the live API was seen to do (doc §1). Merging for PATCH follows §6.
 */
final class ConfigRules {
    private ConfigRules() {}

    /** The config to store for a create: validated, unknown keys dropped, defaults filled in. */
    static JsonObject forCreate(DestinationType type, JsonObject sent, Issues issues) {
        Map<String, JsonValue> kept = new LinkedHashMap<>();
        for (ConfigKey key : type.keys()) {
            JsonValue v = sent.get(key.name());
            if (v != null && v.getValueType() != JsonValue.ValueType.NULL) kept.put(key.name(), v);
            else if (v != null && key.required()) kept.put(key.name(), v); // reported as "received null"
        }
        JsonValue headers = sent.get(DestinationType.HEADERS);
        if (headers != null && headers.getValueType() != JsonValue.ValueType.NULL) kept.put(DestinationType.HEADERS, headers);
        return validated(type, kept, issues);
    }

    /**
     * The config after a PATCH: sent keys replace stored ones, omitted keys stay, masked placeholders
     * of secrets keep the stored secret, null clears an optional key, headers are replaced whole
     * (a header value sent back masked keeps its stored value). The result is validated again.
     */
    static JsonObject merge(DestinationType type, JsonObject stored, JsonObject sent, Issues issues) {
        Map<String, JsonValue> merged = new LinkedHashMap<>(stored);
        for (Map.Entry<String, JsonValue> e : sent.entrySet()) {
            String name = e.getKey();
            JsonValue v = e.getValue();
            boolean isHeaders = DestinationType.HEADERS.equals(name);
            if (!isHeaders && type.key(name).isEmpty()) continue; // unknown keys are ignored
            if (v.getValueType() == JsonValue.ValueType.NULL) {
                if (type.key(name).map(ConfigKey::required).orElse(false)) issues.config(name, Issues.expected("string", v));
                else merged.remove(name);
                continue;
            }
            if (isHeaders) {
                merged.put(name, mergeHeaders(stored.get(name), v));
            } else if (type.isSecret(name) && v instanceof JsonString s
                    && Masking.isPlaceholder(s.getString(), stored.get(name) instanceof JsonString old ? old.getString() : null)) {
                // a masked value sent back: keep the stored secret (doc §6.3)
            } else {
                merged.put(name, v);
            }
        }
        return validated(type, merged, issues);
    }

    private static JsonValue mergeHeaders(JsonValue stored, JsonValue sent) {
        if (!(sent instanceof JsonObject sentHeaders) || !(stored instanceof JsonObject storedHeaders)) return sent;
        JsonObjectBuilder b = JSON.createObjectBuilder();
        sentHeaders.forEach((k, v) -> {
            if (v instanceof JsonString s && storedHeaders.get(k) instanceof JsonString old
                    && Masking.isPlaceholder(s.getString(), old.getString())) b.add(k, old);
            else b.add(k, v);
        });
        return b.build();
    }

    /** Checks every known key, fills defaults, keeps the type table's key order with headers last. */
    private static JsonObject validated(DestinationType type, Map<String, JsonValue> values, Issues issues) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        for (ConfigKey key : type.keys()) {
            JsonValue v = values.get(key.name());
            if (v == null) {
                if (key.required()) issues.config(key.name(), Issues.expected("string", null));
                else if (key.defaultValue() != null) out.add(key.name(), key.defaultValue());
                continue;
            }
            if (!(v instanceof JsonString s)) {
                issues.config(key.name(), Issues.expected("string", v));
                continue;
            }
            String text = s.getString();
            String problem = problem(key, text);
            if (problem != null) issues.config(key.name(), problem);
            else out.add(key.name(), text);
        }
        JsonValue headers = values.get(DestinationType.HEADERS);
        if (headers != null) {
            if (!(headers instanceof JsonObject h)) {
                issues.config(DestinationType.HEADERS, Issues.expected("record", headers));
            } else {
                boolean ok = true;
                for (Map.Entry<String, JsonValue> e : h.entrySet()) {
                    if (!(e.getValue() instanceof JsonString)) {
                        issues.config(DestinationType.HEADERS + "." + e.getKey(), Issues.expected("string", e.getValue()));
                        ok = false;
                    }
                }
                if (ok) out.add(DestinationType.HEADERS, h);
            }
        }
        return out.build();
    }

    private static String problem(ConfigKey key, String text) {
        // required strings have minLength 1 unless the table says otherwise; so do optional keys with a default
        boolean minOne = key.required() ? !key.allowEmpty() : key.defaultValue() != null;
        if (minOne && text.isEmpty()) return "Too small: expected string to have >=1 characters";
        if (key.maxLength() > 0 && text.length() > key.maxLength())
            return "Too big: expected string to have <=" + key.maxLength() + " characters";
        if (!key.allowed().isEmpty() && !key.allowed().contains(text))
            return "Invalid option: expected one of " + String.join("|", key.allowed().stream().map(a -> "\"" + a + "\"").toList());
        if (key.pattern() != null && !key.pattern().matcher(text).matches())
            return "Invalid string: must match pattern /" + key.pattern().pattern() + "/";
        return null;
    }
}
