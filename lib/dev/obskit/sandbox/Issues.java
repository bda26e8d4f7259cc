package dev.obskit.sandbox;

import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation problems of one request, collected Zod-style so that one 400 names all of them.
 * Config problems get the API's (really doubled) "Invalid configuration" prefix (doc §1).
 */
class Issues {
    private final List<String> request = new ArrayList<>();
    private final List<String> config = new ArrayList<>();

    void request(String path, String problem) {
        request.add(path + ": " + problem);
    }

    void config(String key, String problem) {
        config.add(key + ": " + problem);
    }

    boolean isEmpty() {
        return request.isEmpty() && config.isEmpty();
    }

    /** Throws a 400 naming every problem, if there is one. */
    void throwIfAny() {
        if (isEmpty()) return;
        StringBuilder m = new StringBuilder();
        if (!request.isEmpty()) m.append(ApiError.BAD_REQUEST).append(": ").append(String.join("; ", request));
        if (!config.isEmpty()) {
            if (m.length() > 0) m.append("; ");
            m.append("Invalid configuration: Invalid configuration: ").append(String.join("; ", config));
        }
        throw ApiError.badRequest(m.toString());
    }

    static String expected(String type, JsonValue got) {
        return "Invalid input: expected " + type + ", received " + describe(got);
    }

    static String describe(JsonValue v) {
        if (v == null) return "undefined";
        return switch (v.getValueType()) {
            case NULL -> "null";
            case STRING -> "string";
            case NUMBER -> "number";
            case TRUE, FALSE -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
        };
    }
}
