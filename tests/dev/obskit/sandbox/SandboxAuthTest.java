package dev.obskit.sandbox;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.model.KeyInfo;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §9 and §16: 401 without or with an unknown key, 403 for a non-management key, GET /key; §1 envelope; unknown paths. */
class SandboxAuthTest {
    static Sandbox sandbox;
    static Http http;
    static String someId;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        http = new Http(sandbox);
        someId = sandbox.state().liveDestinations().get(0).id();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @ParameterizedTest
    @CsvSource({"GET,/observability/destinations", "POST,/observability/destinations", "GET,/observability/destinations/{id}",
            "PATCH,/observability/destinations/{id}", "DELETE,/observability/destinations/{id}", "GET,/workspaces",
            "GET,/workspaces/production", "GET,/key"})
    void missingHeaderIs401WithTheDocumentedEnvelope(String method, String path) {
        Http.Response r = http.send(method, path.replace("{id}", someId), null, method.equals("GET") || method.equals("DELETE") ? null : "{}");
        assertEquals(401, r.status());
        assertEquals(j("{'error':{'code':401,'message':'Missing Authentication header'}}"), r.text());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"GET,/observability/destinations", "POST,/observability/destinations", "GET,/observability/destinations/{id}",
            "PATCH,/observability/destinations/{id}", "DELETE,/observability/destinations/{id}", "GET,/workspaces",
            "GET,/workspaces/production", "GET,/key"})
    void unknownKeyIs401(String method, String path) {
        Http.Response r = http.send(method, path.replace("{id}", someId), "sk-or-mgmt-not-a-real-key", method.equals("POST") || method.equals("PATCH") ? "{}" : null);
        assertEquals(401, r.status());
        assertEquals(j("{'error':{'code':401,'message':'Invalid credentials'}}"), r.text());
    }

    @ParameterizedTest
    @CsvSource({"GET,/observability/destinations", "POST,/observability/destinations", "GET,/observability/destinations/{id}",
            "PATCH,/observability/destinations/{id}", "DELETE,/observability/destinations/{id}", "GET,/workspaces",
            "GET,/workspaces/production"})
    void inferenceKeyIs403OnEveryRouteAndChangesNothing(String method, String path) {
        String body = method.equals("POST") ? j("{'type':'webhook','name':'x','config':{'url':'https://x.example'}}")
                : method.equals("PATCH") ? j("{'name':'changed'}") : null;
        int before = sandbox.state().liveDestinations().size();
        String nameBefore = sandbox.state().get(someId).orElseThrow().name();
        Http.Response r = http.send(method, path.replace("{id}", someId), sandbox.inferenceKey(), body);
        assertEquals(403, r.status());
        assertEquals(j("{'error':{'code':403,'message':'Only management keys can perform this operation'}}"), r.text());
        assertEquals(before, sandbox.state().liveDestinations().size());
        assertEquals(nameBefore, sandbox.state().get(someId).orElseThrow().name());
    }

    @Test
    void keyPreflightDescribesTheManagementKeyWithEveryField() {
        Http.Response r = http.get("/key", sandbox.managementKey());
        assertEquals(200, r.status());
        JsonObject d = r.data();
        assertEquals(true, d.getBoolean("is_management_key"));
        assertEquals(true, d.getBoolean("is_provisioning_key"));
        assertEquals(sandbox.defaultWorkspaceId(), d.getString("workspace_id"));
        for (String k : new String[]{"label", "is_free_tier", "organization_id", "creator_user_id", "limit", "limit_remaining",
                "limit_reset", "include_byok_in_limit", "usage", "usage_daily", "usage_weekly", "usage_monthly", "byok_usage",
                "byok_usage_daily", "byok_usage_weekly", "byok_usage_monthly", "rate_limit", "free_model_daily_requests",
                "allowed_data_regions"}) {
            assertTrue(d.containsKey(k), "GET /key lacks " + k);
        }
        assertEquals(j("['global','europe','us']"), d.getJsonArray("allowed_data_regions").toString());
        assertFalse(r.text().contains(sandbox.managementKey()), "the key itself is never echoed");
    }

    @Test
    void keyPreflightTellsAnInferenceKeyItIsNotAManagementKey() {
        // GET /key exists to answer exactly this question, so it answers 200 rather than 403
        try (ObsClient client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.inferenceKey()).build()) {
            KeyInfo info = client.key();
            assertFalse(info.managementKey());
            assertThrows(ApiException.PermissionException.class, () -> client.destinations(null).count());
        }
    }

    @Test
    void addedKeysWork() {
        SandboxKey extra = sandbox.addKey("ci key", true);
        assertEquals(200, http.get("/observability/destinations?limit=1", extra.key()).status());
        SandboxKey plain = sandbox.addKey("app key", false);
        assertEquals(403, http.get("/observability/destinations", plain.key()).status());
    }

    @ParameterizedTest
    @CsvSource({"/nope", "/observability", "/observability/destinations/a/b", "/workspaces/a/b", "/keys"})
    void unknownPathsAre404Envelopes(String path) {
        Http.Response r = http.get(path, sandbox.managementKey());
        assertEquals(404, r.status());
        assertEquals(j("{'error':{'code':404,'message':'Resource not found'}}"), r.text());
    }

    @Test
    void pathsOutsideTheApiAre404() {
        Http.Response r = new Http(sandbox.baseUrl().replace("/api/v1", "")).get("/", sandbox.managementKey());
        assertEquals(404, r.status());
        assertEquals(404, r.json().getJsonObject("error").getInt("code"));
    }

    @Test
    void wrongMethodIs405Envelope() {
        Http.Response r = http.send("PUT", "/observability/destinations", sandbox.managementKey(), "{}");
        assertEquals(405, r.status());
        assertEquals(j("{'error':{'code':405,'message':'Method not allowed'}}"), r.text());
    }
}
