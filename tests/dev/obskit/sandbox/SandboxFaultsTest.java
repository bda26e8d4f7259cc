package dev.obskit.sandbox;

import dev.obskit.api.ApiException;
import dev.obskit.api.ObsClient;
import dev.obskit.api.RetryPolicy;
import dev.obskit.json.Jsons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4 item 2: latency, 5xx, 429 with Retry-After, dropped connections, all seeded and switchable at runtime. */
class SandboxFaultsTest {
    Sandbox sandbox;
    Http http;
    String key;
    ObsClient client;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        http = new Http(sandbox);
        key = sandbox.managementKey();
        // no retries: these tests look at what each fault does to one call, not at how the client recovers
        client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(key).warnings(w -> {}).timeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.NONE).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void latencyIsFixedPlusJitterAndDoesNotBlockOtherRequests() throws Exception {
        sandbox.faults(Faults.builder().seed(3).latency(Duration.ofMillis(200), Duration.ofMillis(50)).build());
        long t0 = System.nanoTime();
        assertEquals(200, http.get("/key", key).status());
        long one = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(one >= 200 && one < 600, "one request took " + one + " ms");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 10; i++) all.add(pool.submit(() -> http.get("/key", key).status()));
            for (Future<Integer> f : all) assertEquals(200, f.get());
            long ten = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ten < 1200, "10 parallel delayed requests took " + ten + " ms: they were serialised");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void errorRateAnswers5xxBeforeProcessing() {
        sandbox.faults(Faults.builder().errorRate(1).build());
        int before = sandbox.state().liveDestinations().size();
        Http.Response r = http.post("/observability/destinations", key, SandboxDestinationsTest.LANGFUSE);
        assertEquals(500, r.status());
        assertEquals(j("{'error':{'code':500,'message':'Internal Server Error'}}"), r.text());
        assertEquals(before, sandbox.state().liveDestinations().size(), "nothing was processed");
        sandbox.faults(Faults.builder().errorRate(1).errorStatus(503).build());
        assertEquals(503, http.get("/key", key).status());
        assertEquals(503, http.get("/key", key).json().getJsonObject("error").getInt("code"));
    }

    @Test
    void aSeedReplaysTheSameFaultsAndAnotherSeedDoesNot() {
        Faults faults = Faults.builder().seed(42).errorRate(0.3).build();
        sandbox.faults(faults);
        List<Integer> first = statuses(60);
        sandbox.faults(faults); // same seed: the numbering restarts
        List<Integer> replay = statuses(60);
        sandbox.faults(faults.toBuilder().seed(43).build());
        List<Integer> other = statuses(60);
        assertEquals(first, replay);
        assertNotEquals(first, other);
        long errors = first.stream().filter(s -> s == 500).count();
        assertTrue(errors >= 8 && errors <= 30, "30% of 60 should be about 18, was " + errors);
    }

    private List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(http.get("/key", key).status());
        return out;
    }

    @Test
    void aboveTheRateLimitTheAnswerIs429WithRetryAfter() {
        sandbox.faults(Faults.builder().rateLimit(5).build());
        List<Http.Response> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) responses.add(http.get("/observability/destinations?limit=1", key));
        long ok = responses.stream().filter(r -> r.status() == 200).count();
        // 20 quick requests fall in one or two one-second windows of 5
        assertTrue(ok >= 5 && ok <= 10, "served " + ok);
        Http.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertEquals(j("{'error':{'code':429,'message':'Rate limit exceeded','metadata':{'error_type':'rate_limit_exceeded'}}}"), limited.text());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("5", limited.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThrows(ApiException.RateLimitException.class, () -> {
            for (int i = 0; i < 20; i++) client.getDestination(sandbox.state().liveDestinations().get(0).id());
        });
    }

    @Test
    void aDropBeforeProcessingClosesTheConnectionWithNoResponseAndChangesNothing() throws IOException {
        sandbox.faults(Faults.builder().dropBeforeRate(1).build());
        int before = sandbox.state().liveDestinations().size();
        ApiException e = assertThrows(ApiException.TransportException.class,
                () -> client.createDestination(Jsons.parseObject(SandboxDestinationsTest.LANGFUSE)));
        assertEquals(0, e.status());
        assertTrue(e.getMessage().contains("NoHttpResponseException"), e.getMessage());
        assertEquals(before, sandbox.state().liveDestinations().size());
        assertEquals("", rawExchange("GET /api/v1/key HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n"),
                "the socket closes without a single byte of response");
    }

    @Test
    void aDropAfterACreateStoresTheDestinationButNeverAnswers() {
        sandbox.faults(Faults.builder().dropAfterCreateRate(1).build());
        int before = sandbox.state().liveDestinations().size();
        assertThrows(ApiException.TransportException.class,
                () -> client.createDestination(Jsons.parseObject(SandboxDestinationsTest.LANGFUSE)));
        assertEquals(before + 1, sandbox.state().liveDestinations().size(), "the create was committed");
        assertTrue(client.destinations(null).anyMatch(d -> "Production Langfuse".equals(d.name())), "a re-list finds it");
        // only creates are dropped
        assertEquals(200, http.get("/observability/destinations?limit=1", key).status());
        assertEquals(400, http.post("/observability/destinations", key, "{}").status(), "a failed create is answered");
    }

    @Test
    void faultsSetAtStartAndSwitchedOffAtRuntime() {
        try (Sandbox faulty = Sandbox.start(SandboxOptions.ephemeral().withFaults(Faults.builder().errorRate(1).build()))) {
            Http h = new Http(faulty);
            assertEquals(500, h.get("/key", faulty.managementKey()).status());
            assertTrue(faulty.faults().any());
            faulty.faults(Faults.none());
            assertEquals(200, h.get("/key", faulty.managementKey()).status());
        }
    }

    @Test
    void faultValuesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().errorRate(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().errorStatus(404).build());
        assertThrows(IllegalArgumentException.class, () -> Faults.builder().latency(Duration.ofMillis(-1), Duration.ZERO).build());
        assertTrue(!Faults.none().any());
    }

    /** Sends raw bytes and returns everything the server sends back before closing. */
    private String rawExchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (java.net.SocketException reset) {
                return ""; // a reset is a drop too
            }
        }
    }
}
