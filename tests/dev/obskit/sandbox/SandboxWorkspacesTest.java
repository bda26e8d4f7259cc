package dev.obskit.sandbox;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.model.Workspace;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §11: workspace list (paged like destinations) and get by id or slug. */
class SandboxWorkspacesTest {
    static Sandbox sandbox;
    static Http http;
    static String key;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        http = new Http(sandbox);
        key = sandbox.managementKey();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void listHasEveryRequiredFieldAndTotalCount() {
        Http.Response r = http.get("/workspaces", key);
        assertEquals(200, r.status());
        assertEquals(4, r.json().getInt("total_count"));
        List<String> slugs = new ArrayList<>();
        for (var v : r.json().getJsonArray("data")) {
            JsonObject w = v.asJsonObject();
            slugs.add(w.getString("slug"));
            for (String k : List.of("id", "name", "slug", "description", "default_guardrail_id", "default_text_model",
                    "default_image_model", "default_provider_sort", "is_observability_broadcast_enabled",
                    "is_observability_io_logging_enabled", "is_data_discount_logging_enabled", "io_logging_sampling_rate",
                    "io_logging_api_key_ids", "created_at", "updated_at", "created_by")) {
                assertTrue(w.containsKey(k), "workspace lacks " + k);
            }
            assertTrue(w.getString("created_at").matches(SandboxDestinationsTest.TIMESTAMP));
        }
        assertEquals(List.of("production", "staging", "research-lab", "eu-customers"), slugs);
    }

    @Test
    void listPagesWithOffsetAndLimit() {
        Http.Response r = http.get("/workspaces?offset=1&limit=2", key);
        assertEquals(200, r.status());
        assertEquals(4, r.json().getInt("total_count"));
        assertEquals(List.of("staging", "research-lab"),
                r.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("slug")).toList());
        assertEquals(400, http.get("/workspaces?limit=0", key).status());
        assertEquals(400, http.get("/workspaces?limit=101", key).status());
        assertEquals(400, http.get("/workspaces?offset=-1", key).status());
    }

    @Test
    void getByIdOrSlug() {
        String id = sandbox.state().workspace("staging").orElseThrow().id();
        JsonObject byId = http.get("/workspaces/" + id, key).data();
        JsonObject bySlug = http.get("/workspaces/staging", key).data();
        assertEquals(byId, bySlug);
        assertEquals("Staging", byId.getString("name"));
        assertEquals(id, byId.getString("id"));
        Http.Response missing = http.get("/workspaces/no-such-workspace", key);
        assertEquals(404, missing.status());
        assertEquals(j("{'error':{'code':404,'message':'Resource not found'}}"), missing.text());
    }

    @Test
    void theClientListsAndFindsWorkspaces() {
        try (ObsClient client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(key).pageSize(1).warnings(w -> {}).build()) {
            assertEquals(List.of("production", "staging", "research-lab", "eu-customers"),
                    client.workspaces().map(Workspace::slug).toList());
            Workspace w = client.workspace("production");
            assertEquals(sandbox.defaultWorkspaceId(), w.id());
            assertTrue(w.broadcastEnabled());
            assertThrows(ApiException.NotFoundException.class, () -> client.workspace("nope"));
        }
    }
}
