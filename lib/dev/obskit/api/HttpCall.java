package dev.obskit.api;

import java.util.Map;

/**
 * One API request as the client sends it: method, path below the base URL, query and JSON body.
 * Headers such as the key are added by the transport, so a call can be logged safely.
 */
public record HttpCall(String method, String path, Map<String, String> query, String body) {

    public static HttpCall get(String path, Map<String, String> query) {
        return new HttpCall("GET", path, query, null);
    }

    public static HttpCall get(String path) {
        return new HttpCall("GET", path, Map.of(), null);
    }

    public boolean idempotent() {
        return !"POST".equals(method);
    }
}
