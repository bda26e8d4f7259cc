package dev.obskit.sandbox;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §2, §3, §6, §7, §12: the five destination operations, wire format, partial update, soft delete, 5 per type, order. */
class SandboxDestinationsTest {
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final List<String> WIRE_KEYS = List.of("id", "workspace_id", "name", "type", "enabled", "privacy_mode",
            "broadcast_generation_cost", "broadcast_generation_identity", "broadcast_generation_request_context",
            "sampling_rate", "regions", "api_key_hashes", "filter_rules", "config", "created_at", "updated_at");
    static final String LANGFUSE = j("{'type':'langfuse','name':'Production Langfuse','config':"
            + "{'publicKey':'pk-lf-1234567890abcdEfGh','secretKey':'sk-lf-0987654321zyxwAbCd'}}");

    Sandbox sandbox;
    Http http;
    String key;
    ObsClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        http = new Http(sandbox);
        key = sandbox.managementKey();
        client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(key).warnings(w -> {}).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void createAnswers201WithTheWholeObjectDefaultsFilledAndSecretsMasked() {
        Instant before = Instant.now().minusMillis(5);
        Http.Response r = http.post("/observability/destinations", key, LANGFUSE);
        assertEquals(201, r.status());
        JsonObject d = r.data();
        assertEquals(WIRE_KEYS, List.copyOf(d.keySet()));
        assertEquals(sandbox.defaultWorkspaceId(), d.getString("workspace_id"));
        assertEquals("Production Langfuse", d.getString("name"));
        assertEquals("langfuse", d.getString("type"));
        assertEquals(true, d.getBoolean("enabled"));
        assertEquals(false, d.getBoolean("privacy_mode"));
        assertEquals(false, d.getBoolean("broadcast_generation_cost"));
        assertEquals(false, d.getBoolean("broadcast_generation_identity"));
        assertEquals(false, d.getBoolean("broadcast_generation_request_context"));
        assertEquals("1", d.get("sampling_rate").toString());
        assertEquals(j("['global']"), d.get("regions").toString());
        assertEquals("null", d.get("api_key_hashes").toString());
        assertEquals("null", d.get("filter_rules").toString());
        assertEquals(j("{'secretKey':'sk-l...AbCd','publicKey':'pk-l...EfGh','baseUrl':'https://us.cloud.langfuse.com'}"),
                d.getJsonObject("config").toString());
        assertTrue(d.getString("created_at").matches(TIMESTAMP), d.getString("created_at"));
        assertEquals(d.getString("created_at"), d.getString("updated_at"));
        assertTrue(!Instant.parse(d.getString("created_at")).isBefore(before));
        assertTrue(d.getString("id").matches("[0-9a-f-]{36}"));
        // stored in clear, sent masked
        StoredDestination stored = sandbox.state().get(d.getString("id")).orElseThrow();
        assertEquals("sk-lf-0987654321zyxwAbCd", stored.config().getString("secretKey"));
    }

    @Test
    void createHonoursEveryTopLevelField() {
        String ws = sandbox.state().workspace("staging").orElseThrow().id();
        Http.Response r = http.post("/observability/destinations", key, j("{'type':'webhook','name':'W','workspace_id':'" + ws + "',"
                + "'enabled':false,'privacy_mode':true,'broadcast_generation_cost':true,'broadcast_generation_identity':true,"
                + "'broadcast_generation_request_context':true,'sampling_rate':0.25,'regions':['eu','us'],"
                + "'api_key_hashes':['abc123'],'config':{'url':'https://h.example/x','method':'PUT'},"
                + "'id':'ignored','created_at':'2020-01-01T00:00:00Z','surprise':1}"));
        assertEquals(201, r.status());
        JsonObject d = r.data();
        assertEquals(ws, d.getString("workspace_id"));
        assertEquals(false, d.getBoolean("enabled"));
        assertEquals(true, d.getBoolean("privacy_mode"));
        assertEquals(true, d.getBoolean("broadcast_generation_cost"));
        assertEquals(true, d.getBoolean("broadcast_generation_identity"));
        assertEquals(true, d.getBoolean("broadcast_generation_request_context"));
        assertEquals("0.25", d.get("sampling_rate").toString());
        assertEquals(j("['europe','us']"), d.get("regions").toString());
        assertEquals(j("['abc123']"), d.get("api_key_hashes").toString());
        assertEquals(j("{'url':'https://h.example/x','method':'PUT'}"), d.getJsonObject("config").toString());
        assertNotEquals("ignored", d.getString("id"));
        assertTrue(d.getString("created_at").startsWith("20") && !d.getString("created_at").startsWith("2020"));
        assertTrue(!d.containsKey("surprise"));
    }

    @Test
    void getReturnsTheSameObjectAsCreate() {
        JsonObject created = http.post("/observability/destinations", key, LANGFUSE).data();
        Http.Response r = http.get("/observability/destinations/" + created.getString("id"), key);
        assertEquals(200, r.status());
        assertEquals(created, r.data());
    }

    @Test
    void getOfUnknownOrMalformedIdIs404() {
        for (String id : new String[]{"99999999-aaaa-bbbb-cccc-dddddddddddd", "not-a-uuid"}) {
            Http.Response r = http.get("/observability/destinations/" + id, key);
            assertEquals(404, r.status());
            assertEquals(j("{'error':{'code':404,'message':'Resource not found'}}"), r.text());
        }
    }

    @Test
    void updateIsPartialAndBumpsUpdatedAt() throws InterruptedException {
        JsonObject created = http.post("/observability/destinations", key, LANGFUSE).data();
        String id = created.getString("id");
        Thread.sleep(5);
        Http.Response r = http.patch("/observability/destinations/" + id, key, j("{'enabled':false}"));
        assertEquals(200, r.status());
        JsonObject d = r.data();
        assertEquals(false, d.getBoolean("enabled"));
        // everything else as it was
        for (String k : WIRE_KEYS) {
            if (!k.equals("enabled") && !k.equals("updated_at")) assertEquals(created.get(k), d.get(k), k);
        }
        assertTrue(Instant.parse(d.getString("updated_at")).isAfter(Instant.parse(created.getString("updated_at"))));
        assertEquals(d, http.get("/observability/destinations/" + id, key).data());
    }

    @Test
    void updateWithAnEmptyBodyChangesNothingButTheTimestamp() {
        JsonObject created = http.post("/observability/destinations", key, LANGFUSE).data();
        JsonObject d = http.patch("/observability/destinations/" + created.getString("id"), key, "{}").data();
        assertEquals(Jsons.without(created, "updated_at"), Jsons.without(d, "updated_at"));
    }

    @Test
    void patchingBackTheMaskedConfigKeepsTheSecretsAndMergesKeyByKey() {
        JsonObject created = http.post("/observability/destinations", key, LANGFUSE).data();
        String id = created.getString("id");
        // the exact config GET returned, plus one change
        JsonObject config = Jsons.with(created.getJsonObject("config"), "baseUrl", jakarta.json.Json.createValue("https://cloud.langfuse.com"));
        Http.Response r = http.patch("/observability/destinations/" + id, key, "{\"config\":" + Jsons.write(config) + "}");
        assertEquals(200, r.status());
        assertEquals(j("{'secretKey':'sk-l...AbCd','publicKey':'pk-l...EfGh','baseUrl':'https://cloud.langfuse.com'}"),
                r.data().getJsonObject("config").toString());
        StoredDestination stored = sandbox.state().get(id).orElseThrow();
        assertEquals("sk-lf-0987654321zyxwAbCd", stored.config().getString("secretKey"));
        assertEquals("pk-lf-1234567890abcdEfGh", stored.config().getString("publicKey"));
        // one key only: the other keys stay
        http.patch("/observability/destinations/" + id, key, j("{'config':{'secretKey':'sk-lf-rotated-0000000000new1'}}"));
        stored = sandbox.state().get(id).orElseThrow();
        assertEquals("sk-lf-rotated-0000000000new1", stored.config().getString("secretKey"));
        assertEquals("pk-lf-1234567890abcdEfGh", stored.config().getString("publicKey"));
        assertEquals("https://cloud.langfuse.com", stored.config().getString("baseUrl"));
    }

    @Test
    void updateOfUnknownIdIs404() {
        Http.Response r = http.patch("/observability/destinations/99999999-aaaa-bbbb-cccc-dddddddddddd", key, j("{'name':'x'}"));
        assertEquals(404, r.status());
        assertEquals(j("{'error':{'code':404,'message':'Resource not found'}}"), r.text());
    }

    @Test
    void deleteIsSoftAndAnswersDeletedTrue() {
        JsonObject created = http.post("/observability/destinations", key, LANGFUSE).data();
        String id = created.getString("id");
        int total = http.get("/observability/destinations", key).json().getInt("total_count");
        Http.Response r = http.delete("/observability/destinations/" + id, key);
        assertEquals(200, r.status());
        assertEquals(j("{'deleted':true}"), r.text());
        assertEquals(404, http.get("/observability/destinations/" + id, key).status());
        assertEquals(404, http.patch("/observability/destinations/" + id, key, j("{'name':'x'}")).status());
        assertEquals(404, http.delete("/observability/destinations/" + id, key).status());
        JsonObject list = http.get("/observability/destinations?limit=100", key).json();
        assertEquals(total - 1, list.getInt("total_count"));
        assertTrue(list.getJsonArray("data").stream().noneMatch(v -> v.asJsonObject().getString("id").equals(id)));
        // a tombstone, not a removal
        assertTrue(sandbox.state().stored(id).orElseThrow().deletedAt() != null);
    }

    @Test
    void atMostFivePerTypePerWorkspaceAndADeleteFreesASlot() {
        String ws = sandbox.addWorkspace("550e8400-e29b-41d4-a716-446655440000", "Empty", "empty").id();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Response r = http.post("/observability/destinations", key, webhook(ws, "hook " + i));
            assertEquals(201, r.status());
            ids.add(r.data().getString("id"));
        }
        Http.Response sixth = http.post("/observability/destinations", key, webhook(ws, "hook 6"));
        assertEquals(400, sixth.status());
        assertEquals(j("{'error':{'code':400,'message':'Maximum of 5 destinations per type reached'}}"), sixth.text());
        // other types and other workspaces are not affected
        assertEquals(201, http.post("/observability/destinations", key, j("{'type':'otel-collector','name':'o','workspace_id':'"
                + ws + "','config':{'endpoint':''}}")).status());
        assertEquals(201, http.post("/observability/destinations", key, webhook(sandbox.defaultWorkspaceId(), "elsewhere")).status());
        assertEquals(200, http.delete("/observability/destinations/" + ids.get(2), key).status());
        assertEquals(201, http.post("/observability/destinations", key, webhook(ws, "hook 6")).status());
        assertEquals(400, http.post("/observability/destinations", key, webhook(ws, "hook 7")).status());
    }

    @Test
    void listIsOrderedByCreatedAtThenIdStableAcrossPagesWithTotalCount() {
        String ws = sandbox.state().workspace("production").orElseThrow().id();
        List<StoredDestination> expected = sandbox.state().liveDestinations().stream()
                .filter(d -> d.workspaceId().equals(ws)).sorted(StoredDestination.LIST_ORDER).toList();
        assertTrue(expected.size() >= 10);
        List<String> seen = new ArrayList<>();
        for (int offset = 0; ; offset += 3) {
            Http.Response r = http.get("/observability/destinations?offset=" + offset + "&limit=3", key);
            assertEquals(200, r.status());
            assertEquals(expected.size(), r.json().getInt("total_count"));
            var data = r.json().getJsonArray("data");
            data.forEach(v -> seen.add(v.asJsonObject().getString("id")));
            if (data.size() < 3) break;
        }
        assertEquals(expected.stream().map(StoredDestination::id).toList(), seen);
        // the client's paginator gets the same, in the same order
        assertEquals(seen, client.destinations(null).map(Destination::id).toList());
        List<Destination> listed = client.destinations(null).toList();
        assertEquals(listed.stream().sorted(Comparator.comparing(Destination::createdAtInstant).thenComparing(Destination::id)).toList(), listed);
    }

    @Test
    void listDefaultsToFiftyAndAnOffsetPastTheEndIsEmpty() {
        String ws = sandbox.state().workspace("production").orElseThrow().id();
        int total = (int) sandbox.state().liveDestinations().stream().filter(d -> d.workspaceId().equals(ws)).count();
        Http.Response r = http.get("/observability/destinations?offset=1000", key);
        assertEquals(200, r.status());
        assertEquals(j("{'data':[],'total_count':" + total + "}"), r.text());
        assertEquals(total, http.get("/observability/destinations", key).json().getJsonArray("data").size());
    }

    @Test
    void listScopesToTheGivenWorkspace() {
        String research = sandbox.state().workspace("research-lab").orElseThrow().id();
        Http.Response r = http.get("/observability/destinations?workspace_id=" + research, key);
        Set<String> workspaces = r.json().getJsonArray("data").stream().map(v -> v.asJsonObject().getString("workspace_id"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(research), workspaces);
        long expected = sandbox.state().liveDestinations().stream().filter(d -> d.workspaceId().equals(research)).count();
        assertEquals(expected, r.json().getInt("total_count"));
    }

    @Test
    void theClientRoundTripsEveryOperation() {
        Destination created = client.createDestination(Jsons.parseObject(LANGFUSE));
        assertEquals("pk-l...EfGh", created.configString("publicKey"));
        Destination renamed = client.updateDestination(created.id(), Jsons.parseObject(j("{'name':'Renamed'}")));
        assertEquals("Renamed", renamed.name());
        assertEquals("Renamed", client.getDestination(created.id()).name());
        client.deleteDestination(created.id());
        assertThrows(ApiException.NotFoundException.class, () -> client.getDestination(created.id()));
    }

    static String webhook(String workspaceId, String name) {
        return j("{'type':'webhook','name':'" + name + "','workspace_id':'" + workspaceId + "','config':{'url':'https://h.example/" + name.replace(' ', '-') + "'}}");
    }
}
