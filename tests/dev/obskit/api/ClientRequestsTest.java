package dev.obskit.api;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.model.Workspace;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.WS;
import static dev.obskit.api.Fixtures.data;
import static dev.obskit.api.Fixtures.destination;
import static dev.obskit.api.Fixtures.id;
import static dev.obskit.api.Fixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each operation sends exactly the request the API reference describes (§1, §2, §11, §16). */
class ClientRequestsTest extends WireMockTestBase {

    private LoggedRequest only() {
        List<LoggedRequest> all = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertEquals(1, all.size(), "requests sent");
        return all.get(0);
    }

    private static void assertCommonHeaders(LoggedRequest r) {
        assertEquals("Bearer " + KEY, r.getHeader("Authorization"));
        assertEquals("application/json", r.getHeader("Accept"));
        assertEquals("obskit", r.getHeader("X-OpenRouter-Title"));
        assertFalse(r.containsHeader("HTTP-Referer"), "HTTP-Referer only when configured");
        assertFalse(r.containsHeader("X-OpenRouter-Categories"), "categories only when configured");
        assertTrue(r.getHeader("User-Agent").startsWith("obskit/"));
    }

    private static void assertNoBody(LoggedRequest r) {
        assertFalse(r.containsHeader("Content-Type"), "no Content-Type without a body");
        assertEquals("", r.getBodyAsString());
    }

    private static void assertJsonBody(LoggedRequest r, String expected) {
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        assertEquals(Jsons.parse(expected), Jsons.parse(r.getBodyAsString()));
    }

    @Test
    void listSendsOffsetLimitAndWorkspace() {
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(200).withBody(list(1, destination(id(1))))));

        Page<Destination> page = client.listDestinations(WS, 0, 100);

        assertEquals(1, page.items().size());
        assertEquals(1, page.totalCount());
        LoggedRequest r = only();
        assertEquals("GET", r.getMethod().getName());
        assertEquals(DEST, r.getUrl().replaceAll("\\?.*", ""));
        assertEquals(Map.of("offset", "0", "limit", "100", "workspace_id", WS), query(r));
        assertCommonHeaders(r);
        assertNoBody(r);
    }

    @Test
    void listOfTheDefaultWorkspaceSendsNoWorkspaceId() {
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(200).withBody(list(0))));

        assertEquals(List.of(), client.destinations(null).toList());

        assertEquals(Map.of("offset", "0", "limit", "100"), query(only()));
    }

    @Test
    void getAsksForOneIdWithoutQuery() {
        wm.stubFor(get(urlPathEqualTo(DEST + "/" + id(7))).willReturn(aResponse().withStatus(200).withBody(data(destination(id(7))))));

        Destination d = client.getDestination(id(7));

        assertEquals(id(7), d.id());
        LoggedRequest r = only();
        assertEquals("GET", r.getMethod().getName());
        assertEquals(DEST + "/" + id(7), r.getUrl());
        assertCommonHeaders(r);
        assertNoBody(r);
    }

    @Test
    void createPostsTheBodyAsJsonAndReads201() {
        wm.stubFor(post(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(201).withBody(data(destination(id(2))))));
        String body = """
                {"type":"langfuse","name":"prod","workspace_id":"%s","sampling_rate":0.0001,"api_key_hashes":null,
                 "config":{"publicKey":"pk-lf-1234567890","secretKey":"sk-lf-1234567890"}}""".formatted(WS);

        Destination d = client.createDestination(Jsons.parseObject(body));

        assertEquals(id(2), d.id());
        LoggedRequest r = only();
        assertEquals("POST", r.getMethod().getName());
        assertEquals(DEST, r.getUrl());
        assertCommonHeaders(r);
        assertJsonBody(r, body);
    }

    @Test
    void updatePatchesOnlyTheGivenMembersAndSendsNullAsNull() {
        wm.stubFor(patch(urlPathEqualTo(DEST + "/" + id(3))).willReturn(aResponse().withStatus(200).withBody(data(destination(id(3))))));
        JsonObject patch = Jsons.parseObject("{\"enabled\":false,\"api_key_hashes\":null}");

        client.updateDestination(id(3), patch);

        LoggedRequest r = only();
        assertEquals("PATCH", r.getMethod().getName());
        assertEquals(DEST + "/" + id(3), r.getUrl());
        assertCommonHeaders(r);
        assertJsonBody(r, "{\"enabled\":false,\"api_key_hashes\":null}");
        JsonObject sent = Jsons.parseObject(r.getBodyAsString());
        assertEquals(2, sent.size(), "only the members of the patch are sent");
        assertFalse(sent.containsKey("filter_rules"), "absent stays absent");
        assertTrue(sent.containsKey("api_key_hashes") && Jsons.isNull(sent.get("api_key_hashes")), "null stays null");
    }

    @Test
    void deleteSendsNoBodyAndNeedsDeletedTrue() {
        wm.stubFor(delete(urlPathEqualTo(DEST + "/" + id(4))).willReturn(aResponse().withStatus(200).withBody("{\"deleted\":true}")));

        client.deleteDestination(id(4));

        LoggedRequest r = only();
        assertEquals("DELETE", r.getMethod().getName());
        assertEquals(DEST + "/" + id(4), r.getUrl());
        assertCommonHeaders(r);
        assertNoBody(r);
    }

    @Test
    void deleteWithoutConfirmationFails() {
        wm.stubFor(delete(urlPathEqualTo(DEST + "/" + id(4))).willReturn(aResponse().withStatus(200).withBody("{\"deleted\":false}")));

        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> client.deleteDestination(id(4)));

        assertTrue(e.getMessage().contains("delete was not confirmed"), e.getMessage());
        assertEquals(1, requests("DELETE").size());
    }

    @Test
    void workspacesAreListedAndFetchedBySlugWithEncoding() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/workspaces")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":[{\"id\":\"" + WS + "\",\"name\":\"Prod\",\"slug\":\"prod\"}],\"total_count\":1}")));
        wm.stubFor(get(urlPathEqualTo("/api/v1/workspaces/team%20a")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"id\":\"" + WS + "\",\"name\":\"Team A\",\"slug\":\"team a\"}}")));

        List<Workspace> all = client.workspaces().toList();
        Workspace one = client.workspace("team a");

        assertEquals(List.of("prod"), all.stream().map(Workspace::slug).toList());
        assertEquals("Team A", one.name());
        List<LoggedRequest> gets = requests("GET");
        assertEquals(2, gets.size());
        assertEquals(Map.of("offset", "0", "limit", "100"), query(gets.stream().filter(r -> r.getUrl().contains("?")).findFirst().orElseThrow()));
        assertTrue(gets.stream().anyMatch(r -> r.getUrl().equals("/api/v1/workspaces/team%20a")));
    }

    @Test
    void keyAsksGetKey() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"label\":\"ops\",\"is_management_key\":true,\"workspace_id\":null}}")));

        assertTrue(client.key().managementKey());

        LoggedRequest r = only();
        assertEquals("/api/v1/key", r.getUrl());
        assertCommonHeaders(r);
    }

    @Test
    void attributionHeadersAreSentWhenConfigured() {
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(list(0))));
        try (ObsClient attributed = builder().appUrl("https://example.com/obskit").appTitle("Ops Tool")
                .appCategories("cli-agent,cloud-agent").build()) {
            attributed.listDestinations(null, 0, 10);
        }

        LoggedRequest r = only();
        assertEquals("https://example.com/obskit", r.getHeader("HTTP-Referer"));
        assertEquals("Ops Tool", r.getHeader("X-OpenRouter-Title"));
        assertEquals("cli-agent,cloud-agent", r.getHeader("X-OpenRouter-Categories"));
        assertEquals("Bearer " + KEY, r.getHeader("Authorization"));
    }

    @Test
    void aResponseDestinationKeepsNullVersusAbsent() {
        String withNulls = "{\"id\":\"" + id(5) + "\",\"name\":null,\"type\":\"webhook\",\"api_key_hashes\":null,\"config\":{}}";
        wm.stubFor(get(urlPathEqualTo(DEST + "/" + id(5))).willReturn(aResponse().withStatus(200).withBody(data(withNulls))));

        Destination d = client.getDestination(id(5));

        assertNull(d.name());
        assertNull(d.regions(), "an absent regions is unknown, not empty");
        assertFalse(d.broadcastGenerationCost(), "an absent broadcast flag reads as false");
        assertTrue(d.toJson().containsKey("name") && Jsons.isNull(d.toJson().get("name")));
        assertFalse(d.toJson().containsKey("regions"));
        assertFalse(d.toJson().containsKey("filter_rules"));
    }

    private static Map<String, String> query(LoggedRequest r) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        r.getQueryParams().forEach((k, v) -> out.put(k, String.join(",", v.values())));
        return out;
    }
}
