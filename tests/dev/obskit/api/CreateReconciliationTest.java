package dev.obskit.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.WS;
import static dev.obskit.api.Fixtures.data;
import static dev.obskit.api.Fixtures.destination;
import static dev.obskit.api.Fixtures.error;
import static dev.obskit.api.Fixtures.id;
import static dev.obskit.api.Fixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A create is never sent again blindly: after an ambiguous failure the workspace is listed first. */
class CreateReconciliationTest extends WireMockTestBase {
    private static final JsonObject BODY = Jsons.parseObject("""
            {"type":"langfuse","name":"prod","workspace_id":"%s","config":{"publicKey":"pk-lf-1234567890","secretKey":"sk-lf-1234567890"}}"""
            .formatted(WS));
    /** The fake clock starts at 08:00:00; "just now" as the server would stamp it. */
    private static final String JUST_NOW = "2026-09-05T08:00:00.250Z";

    private static ResponseDefinitionBuilder reset() {
        return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
    }

    private static ResponseDefinitionBuilder created(int n) {
        return aResponse().withStatus(201).withBody(data(destination(id(n), "langfuse", "prod", JUST_NOW)));
    }

    private void listReturns(String... destinations) {
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(200).withBody(list(destinations.length, destinations))));
    }

    private int posts() { return requests("POST").size(); }

    private int lists() { return requests("GET").size(); }

    @Test
    void aCreateCommittedBeforeTheConnectionDroppedIsFoundNotRepeated() {
        wm.stubFor(post(urlPathEqualTo(DEST)).willReturn(reset()));
        listReturns(destination(id(1), "webhook", "prod", JUST_NOW), destination(id(9), "langfuse", "prod", JUST_NOW));

        Destination d = client.createDestination(BODY);

        assertEquals(id(9), d.id());
        assertEquals(1, posts());
        assertEquals(1, lists());
        assertEquals(WS, requests("GET").get(0).queryParameter("workspace_id").firstValue(), "lists the create's workspace");
        assertEquals(Jsons.parse(Jsons.write(BODY)), Jsons.parse(requests("POST").get(0).getBodyAsString()));
        assertTrue(warnings.get(0).contains("checking first whether it took effect"), warnings.toString());
        assertTrue(warnings.get(1).contains("had in fact succeeded: found it as " + id(9)), warnings.toString());
    }

    @Test
    void aCreateThatDidNotHappenIsSentAgainAfterLooking() {
        Sequences.stub(wm, () -> post(urlPathEqualTo(DEST)), reset(), created(2));
        listReturns();

        Destination d = client.createDestination(BODY);

        assertEquals(id(2), d.id());
        assertEquals(2, posts());
        assertEquals(1, lists());
        for (var r : requests("POST")) assertEquals(Jsons.parse(Jsons.write(BODY)), Jsons.parse(r.getBodyAsString()));
    }

    @Test
    void a5xxOnCreateIsReconciledToo() {
        wm.stubFor(post(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        listReturns(destination(id(3), "langfuse", "prod", JUST_NOW));

        assertEquals(id(3), client.createDestination(BODY).id());

        assertEquals(1, posts());
        assertEquals(1, lists());
    }

    @Test
    void aRateLimitedCreateWasNotProcessedSoItIsRetriedWithoutListing() {
        Sequences.stub(wm, () -> post(urlPathEqualTo(DEST)),
                aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(error(429, "Rate limit exceeded")), created(4));

        assertEquals(id(4), client.createDestination(BODY).id());

        assertEquals(2, posts());
        assertEquals(0, lists());
        assertEquals(List.of(java.time.Duration.ofSeconds(3)), time.waits);
    }

    @Test
    void aPlainConflictOnCreateIsRetriedWithoutListing() {
        Sequences.stub(wm, () -> post(urlPathEqualTo(DEST)),
                aResponse().withStatus(409).withBody(error(409, "Resource conflict. Please try again later.")), created(5));

        assertEquals(id(5), client.createDestination(BODY).id());

        assertEquals(2, posts());
        assertEquals(0, lists());
    }

    @Test
    void thePerTypeLimitIsNeverRetriedWhetherSentAs400Or409() {
        for (int status : new int[] {400, 409}) {
            wm.resetAll();
            wm.stubFor(post(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(status)
                    .withBody(error(status, "Maximum of 5 destinations per type reached"))));

            ApiException e = assertThrows(ApiException.class, () -> client.createDestination(BODY));

            assertEquals(status, e.status());
            assertEquals(1, posts());
            assertEquals(0, lists());
        }
        assertEquals(List.of(), time.waits);
    }

    @Test
    void aSameNamedDestinationTheClientHadAlreadySeenIsNotMistakenForTheCreate() {
        listReturns(destination(id(6), "langfuse", "prod", JUST_NOW)); // exists before the create: the plan listed it
        assertEquals(1, client.destinations(WS).count());
        Sequences.stub(wm, () -> post(urlPathEqualTo(DEST)), reset(), created(7));

        assertEquals(id(7), client.createDestination(BODY).id());

        assertEquals(2, posts());
        assertEquals(2, lists());
    }

    @Test
    void aSameNamedDestinationCreatedLongBeforeTheAttemptIsNotTheCreate() {
        listReturns(destination(id(8), "langfuse", "prod", "2026-09-05T07:30:00Z"),   // 30 min before: older than the skew allowance
                destination(id(10), "datadog", "prod", JUST_NOW),                      // another type
                destination(id(11), "langfuse", "prod-2", JUST_NOW));                  // another name
        Sequences.stub(wm, () -> post(urlPathEqualTo(DEST)), reset(), created(12));

        assertEquals(id(12), client.createDestination(BODY).id());

        assertEquals(2, posts());
        assertEquals(1, lists());
    }

    @Test
    void aRefusedConnectionSentNothingSoTheCreateIsRetriedWithoutListing() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client.close();
        client = builder().baseUrl("http://127.0.0.1:" + port + "/api/v1")
                .retryPolicy(RetryPolicy.DEFAULT.withJitter(0).withMaxAttempts(2)).build();

        assertThrows(ApiException.TransportException.class, () -> client.createDestination(BODY));

        assertEquals(1, time.waits.size());
        assertTrue(warnings.get(0).startsWith("retrying POST /observability/destinations in 0.5 s (attempt 2 of 2)"), warnings.toString());
        assertTrue(!warnings.get(0).contains("checking first"), warnings.toString());
    }

    @Test
    void whenTheCheckItselfFailsTheOutcomeIsReportedAsUnknown() {
        wm.stubFor(post(urlPathEqualTo(DEST)).willReturn(reset()));
        wm.stubFor(get(urlPathEqualTo(DEST)).willReturn(aResponse().withStatus(403).withBody(error(403, "Only management keys can perform this operation"))));

        ApiException e = assertThrows(ApiException.class, () -> client.createDestination(BODY));

        assertTrue(e.getMessage().contains("the outcome of POST /observability/destinations is unknown"), e.getMessage());
        assertEquals(1, posts());
        assertEquals(1, lists());
    }
}
