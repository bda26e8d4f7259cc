package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * {@code filter_rules} (doc §8): validated, then echoed with the defaults {@code enabled: true} and
 * {@code logic: "and"} filled in. Rules are stored, never evaluated. Unknown members are dropped.
 */
final class FilterRules {
    static final List<String> FIELDS = List.of("model", "provider", "session_id", "user_id", "api_key_name",
            "finish_reason", "input", "output", "total_cost", "total_tokens", "prompt_tokens", "completion_tokens");
    static final List<String> OPERATORS = List.of("equals", "not_equals", "contains", "not_contains", "regex",
            "starts_with", "ends_with", "gt", "lt", "gte", "lte", "exists", "not_exists");
    static final List<String> LOGIC = List.of("and", "or");
    private static final String P = "filter_rules";

    private FilterRules() {}

    /** The normalised rules, or null for JSON null (no rules). Problems go to {@code issues}. */
    static JsonObject normalise(JsonValue sent, Issues issues) {
        if (sent == null || sent.getValueType() == JsonValue.ValueType.NULL) return null;
        if (!(sent instanceof JsonObject o)) {
            issues.request(P, Issues.expected("object", sent));
            return null;
        }
        JsonObjectBuilder out = JSON.createObjectBuilder();
        out.add("enabled", bool(o.get("enabled"), P + ".enabled", issues));
        if (!(o.get("groups") instanceof JsonArray groups)) {
            issues.request(P + ".groups", Issues.expected("array", o.get("groups")));
            return null;
        }
        JsonArrayBuilder groupsOut = JSON.createArrayBuilder();
        for (int g = 0; g < groups.size(); g++) {
            String gp = P + ".groups[" + g + "]";
            if (!(groups.get(g) instanceof JsonObject group)) {
                issues.request(gp, Issues.expected("object", groups.get(g)));
                continue;
            }
            groupsOut.add(group(group, gp, issues));
        }
        out.add("groups", groupsOut);
        return out.build();
    }

    private static JsonObject group(JsonObject group, String gp, Issues issues) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        JsonValue logic = group.get("logic");
        if (logic == null) b.add("logic", "and");
        else if (logic instanceof JsonString s && LOGIC.contains(s.getString())) b.add("logic", s.getString());
        else issues.request(gp + ".logic", "Invalid option: expected one of \"and\"|\"or\"");
        if (!(group.get("rules") instanceof JsonArray rules)) {
            issues.request(gp + ".rules", Issues.expected("array", group.get("rules")));
            return b.build();
        }
        JsonArrayBuilder rulesOut = JSON.createArrayBuilder();
        for (int r = 0; r < rules.size(); r++) {
            String rp = gp + ".rules[" + r + "]";
            if (!(rules.get(r) instanceof JsonObject rule)) {
                issues.request(rp, Issues.expected("object", rules.get(r)));
                continue;
            }
            rulesOut.add(rule(rule, rp, issues));
        }
        b.add("rules", rulesOut);
        return b.build();
    }

    private static JsonObject rule(JsonObject rule, String rp, Issues issues) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        enumMember(rule, "field", FIELDS, rp, issues, b);
        enumMember(rule, "operator", OPERATORS, rp, issues, b);
        JsonValue value = rule.get("value");
        // value is optional for every operator (the doc advises not to reject its absence)
        if (value instanceof JsonString || value instanceof JsonNumber) b.add("value", value);
        else if (value != null) issues.request(rp + ".value", Issues.expected("string | number", value));
        return b.build();
    }

    private static void enumMember(JsonObject o, String name, List<String> allowed, String path, Issues issues, JsonObjectBuilder b) {
        JsonValue v = o.get(name);
        if (v instanceof JsonString s && allowed.contains(s.getString())) b.add(name, s.getString());
        else if (v == null) issues.request(path + "." + name, Issues.expected("string", null));
        else issues.request(path + "." + name, "Invalid option: expected one of "
                + String.join("|", allowed.stream().map(a -> "\"" + a + "\"").toList()));
    }

    private static boolean bool(JsonValue v, String path, Issues issues) {
        if (v == null) return true;
        if (v.getValueType() == JsonValue.ValueType.TRUE) return true;
        if (v.getValueType() == JsonValue.ValueType.FALSE) return false;
        issues.request(path, Issues.expected("boolean", v));
        return true;
    }
}
