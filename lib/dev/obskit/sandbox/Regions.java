package dev.obskit.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/** {@code regions} (doc §15): a non-empty array of global/europe/us; "eu" is an alias of "europe". */
final class Regions {
    static final List<String> DEFAULT = List.of("global");
    static final List<String> KNOWN = List.of("global", "europe", "us");

    private Regions() {}

    /** The normalised regions (duplicates dropped, order kept), or null after reporting a problem. */
    static List<String> normalise(JsonValue sent, Issues issues) {
        if (!(sent instanceof JsonArray a)) {
            issues.request("regions", Issues.expected("array", sent));
            return null;
        }
        if (a.isEmpty()) {
            issues.request("regions", "Too small: expected array to have >=1 items");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String r = a.get(i) instanceof JsonString s ? s.getString() : null;
            if ("eu".equals(r)) r = "europe";
            if (r == null || !KNOWN.contains(r)) {
                issues.request("regions[" + i + "]", "Invalid option: expected one of \"global\"|\"europe\"|\"us\"|\"eu\"");
                return null;
            }
            if (!out.contains(r)) out.add(r);
        }
        return List.copyOf(out);
    }
}
