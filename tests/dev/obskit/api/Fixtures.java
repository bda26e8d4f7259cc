package dev.obskit.api;

/** Wire-format bodies used by the client tests. */
final class Fixtures {
    private Fixtures() {}

    static final String WS = "550e8400-e29b-41d4-a716-446655440000";

    static String destination(String id, String type, String name, String createdAt) {
        return """
                {"id":"%s","workspace_id":"%s","name":"%s","type":"%s","enabled":true,"privacy_mode":false,\
                "broadcast_generation_cost":false,"broadcast_generation_identity":false,\
                "broadcast_generation_request_context":false,"sampling_rate":1,"regions":["global"],\
                "api_key_hashes":null,"filter_rules":null,\
                "config":{"baseUrl":"https://us.cloud.langfuse.com","publicKey":"pk-l...EfGh","secretKey":"sk-l...AbCd"},\
                "created_at":"%s","updated_at":"%s"}""".formatted(id, WS, name, type, createdAt, createdAt);
    }

    static String destination(String id) {
        return destination(id, "langfuse", "dest " + id, "2026-09-05T08:24:27.107Z");
    }

    static String data(String object) {
        return "{\"data\":" + object + "}";
    }

    static String list(int totalCount, String... objects) {
        return "{\"data\":[" + String.join(",", objects) + "],\"total_count\":" + totalCount + "}";
    }

    static String listWithoutCount(String... objects) {
        return "{\"data\":[" + String.join(",", objects) + "]}";
    }

    static String error(int code, String message) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\"}}";
    }

    static String id(int n) {
        return "00000000-0000-4000-8000-%012d".formatted(n);
    }
}
