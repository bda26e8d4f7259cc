package dev.obskit.sandbox.conformance;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One set of API assertions (issue 4 item 4), run against the sandbox and against WireMock stubs
 * built from the API doc's examples. A difference between the two targets fails one of them.
 * The assertions use only what the doc states: shapes, statuses, the example values.
 */
abstract class ApiConformanceContract {
    /** The doc's example workspace id (§3); each target serves it, empty at the start. */
    static final String WORKSPACE = "550e8400-e29b-41d4-a716-446655440000";
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    /** A create body whose stored object is the doc's §3 example (secrets mask to pk-l...EfGh and sk-l...AbCd). */
    static final String CREATE_LANGFUSE = "{\"type\":\"langfuse\",\"name\":\"Production Langfuse\",\"workspace_id\":\"" + WORKSPACE
            + "\",\"config\":{\"publicKey\":\"pk-lf-1234567890abcdEfGh\",\"secretKey\":\"sk-lf-0987654321zyxwAbCd\"}}";
    static final List<String> DESTINATION_KEYS = List.of("id", "workspace_id", "name", "type", "enabled", "privacy_mode",
            "broadcast_generation_cost", "broadcast_generation_identity", "broadcast_generation_request_context",
            "sampling_rate", "regions", "api_key_hashes", "filter_rules", "config", "created_at", "updated_at");
    static final List<String> WORKSPACE_KEYS = List.of("id", "name", "slug", "description", "default_guardrail_id",
            "default_text_model", "default_image_model", "default_provider_sort", "is_observability_broadcast_enabled",
            "is_observability_io_logging_enabled", "is_data_discount_logging_enabled", "io_logging_sampling_rate",
            "io_logging_api_key_ids", "created_at", "updated_at", "created_by");
    static final List<String> KEY_KEYS = List.of("label", "is_management_key", "is_free_tier", "workspace_id", "organization_id",
            "creator_user_id", "limit", "limit_remaining", "limit_reset", "include_byok_in_limit", "usage", "usage_daily",
            "usage_weekly", "usage_monthly", "byok_usage", "byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly",
            "rate_limit", "free_model_daily_requests", "allowed_data_regions");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    abstract String baseUrl();

    abstract String managementKey();

    abstract String inferenceKey();

    record Response(int status, JsonObject body) {}

    Response call(String method, String path, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (body != null) b.header("Content-Type", "application/json");
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), Jsons.parseObject(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the destination lifecycle of §2 ------------------------------------------------

    @Test
    void destinationLifecycle() {
        String list = "/observability/destinations?offset=0&limit=50&workspace_id=" + WORKSPACE;
        assertEquals(Jsons.parseObject("{\"data\":[],\"total_count\":0}"), ok(call("GET", list, managementKey(), null)));

        Response created = call("POST", "/observability/destinations", managementKey(), CREATE_LANGFUSE);
        assertEquals(201, created.status(), "create answers 201");
        JsonObject d = created.body().getJsonObject("data");
        assertDocExample(d);
        String id = d.getString("id");

        assertEquals(d, ok(call("GET", "/observability/destinations/" + id, managementKey(), null)).getJsonObject("data"));
        JsonObject page = ok(call("GET", list, managementKey(), null));
        assertEquals(1, page.getInt("total_count"));
        assertEquals(List.of(d), page.getJsonArray("data").getValuesAs(JsonObject.class));

        JsonObject updated = ok(call("PATCH", "/observability/destinations/" + id, managementKey(), "{\"enabled\":false}")).getJsonObject("data");
        assertFalse(updated.getBoolean("enabled"));
        for (String k : DESTINATION_KEYS) {
            if (!k.equals("enabled") && !k.equals("updated_at")) assertEquals(d.get(k), updated.get(k), "PATCH kept " + k);
        }

        assertEquals(Jsons.parseObject("{\"deleted\":true}"), ok(call("DELETE", "/observability/destinations/" + id, managementKey(), null)));
        assertError(call("GET", "/observability/destinations/" + id, managementKey(), null), 404, "Resource not found");
        assertEquals(Jsons.parseObject("{\"data\":[],\"total_count\":0}"), ok(call("GET", list, managementKey(), null)));
    }

    /** The §3 example object, with the §15 regions default. */
    static void assertDocExample(JsonObject d) {
        assertEquals(Set.copyOf(DESTINATION_KEYS), d.keySet());
        assertTrue(d.getString("id").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), d.getString("id"));
        assertEquals(WORKSPACE, d.getString("workspace_id"));
        assertEquals("Production Langfuse", d.getString("name"));
        assertEquals("langfuse", d.getString("type"));
        assertTrue(d.getBoolean("enabled"));
        assertFalse(d.getBoolean("privacy_mode"));
        assertFalse(d.getBoolean("broadcast_generation_cost"));
        assertFalse(d.getBoolean("broadcast_generation_identity"));
        assertFalse(d.getBoolean("broadcast_generation_request_context"));
        assertEquals(1, d.getJsonNumber("sampling_rate").intValueExact());
        assertEquals(List.of("global"), Jsons.strings(d, "regions"));
        assertEquals(JsonValue.NULL, d.get("api_key_hashes"));
        assertEquals(JsonValue.NULL, d.get("filter_rules"));
        assertEquals(Jsons.parseObject("{\"baseUrl\":\"https://us.cloud.langfuse.com\",\"publicKey\":\"pk-l...EfGh\",\"secretKey\":\"sk-l...AbCd\"}"),
                d.getJsonObject("config"));
        Instant created = Instant.parse(d.getString("created_at"));
        assertFalse(Instant.parse(d.getString("updated_at")).isBefore(created));
    }

    // ---- errors (§1, §9) ----------------------------------------------------------------

    @Test
    void missingAuthenticationIs401() {
        assertError(call("GET", "/observability/destinations", null, null), 401, "Missing Authentication header");
    }

    @Test
    void aNonManagementKeyIs403() {
        assertError(call("GET", "/observability/destinations", inferenceKey(), null), 403, "Only management keys can perform this operation");
        assertError(call("POST", "/observability/destinations", inferenceKey(), CREATE_LANGFUSE), 403, "Only management keys can perform this operation");
    }

    @Test
    void anUnknownIdIs404() {
        assertError(call("GET", "/observability/destinations/" + UNKNOWN_ID, managementKey(), null), 404, "Resource not found");
        assertError(call("DELETE", "/observability/destinations/" + UNKNOWN_ID, managementKey(), null), 404, "Resource not found");
    }

    @Test
    void aLimitOutside1To100Is400() {
        assertError(call("GET", "/observability/destinations?limit=0", managementKey(), null), 400, null);
        assertError(call("GET", "/observability/destinations?limit=101", managementKey(), null), 400, null);
    }

    @Test
    void aSamplingRateOutsideTheRangeIs400() {
        String body = CREATE_LANGFUSE.replace("{\"type\"", "{\"sampling_rate\":2,\"type\"");
        assertError(call("POST", "/observability/destinations", managementKey(), body), 400, null);
    }

    static void assertError(Response r, int status, String message) {
        assertEquals(status, r.status());
        JsonObject error = r.body().getJsonObject("error");
        assertEquals(status, error.getInt("code"), "error.code repeats the status");
        if (message != null) assertEquals(message, error.getString("message"));
        else assertFalse(error.getString("message").isBlank());
    }

    private static JsonObject ok(Response r) {
        assertEquals(200, r.status(), () -> Jsons.write(r.body()));
        return r.body();
    }

    // ---- workspaces (§11) and the key (§16) ---------------------------------------------

    @Test
    void workspacesListedAndFoundByIdAndBySlug() {
        JsonObject page = ok(call("GET", "/workspaces?offset=0&limit=50", managementKey(), null));
        List<JsonObject> all = page.getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(all.size(), page.getInt("total_count"));
        JsonObject w = all.stream().filter(x -> x.getString("id").equals(WORKSPACE)).findFirst().orElseThrow();
        assertTrue(w.keySet().containsAll(WORKSPACE_KEYS), "missing: " + WORKSPACE_KEYS.stream().filter(k -> !w.containsKey(k)).toList());
        assertEquals(w, ok(call("GET", "/workspaces/" + WORKSPACE, managementKey(), null)).getJsonObject("data"));
        assertEquals(w, ok(call("GET", "/workspaces/" + w.getString("slug"), managementKey(), null)).getJsonObject("data"));
        assertError(call("GET", "/workspaces/no-such-workspace", managementKey(), null), 404, "Resource not found");
    }

    @Test
    void theKeyPreflight() {
        JsonObject k = ok(call("GET", "/key", managementKey(), null)).getJsonObject("data");
        assertTrue(k.keySet().containsAll(KEY_KEYS), "missing: " + KEY_KEYS.stream().filter(x -> !k.containsKey(x)).toList());
        assertTrue(k.getBoolean("is_management_key"));
    }
}
