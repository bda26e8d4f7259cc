package dev.obskit.api;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pool is sized to the job's concurrency and every response, error or not, gives its connection back. */
class ConnectionPoolTest {
    private HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/api/v1/key", ex -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(status == 200 ? 100 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = (status == 200 ? "{\"data\":{\"label\":\"k\",\"is_management_key\":true}}"
                    : "{\"error\":{\"code\":500,\"message\":\"" + "x".repeat(20_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
            // counted before answering: once the answer is out, the client may reuse the connection
            // at once, and counting after it would race with the next request
            served.incrementAndGet();
            inFlight.decrementAndGet();
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private ObsClient client(int connections) {
        return ObsClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1").apiKey("sk-test")
                .maxConnections(connections).timeout(Duration.ofSeconds(2)).retryPolicy(RetryPolicy.NONE).warnings(w -> { }).build();
    }

    @Test
    void noMoreRequestsAreInFlightThanThePoolHasConnections() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try (ObsClient client = client(2)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) results.add(workers.submit(() -> client.key().managementKey()));
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            workers.shutdownNow();
        }
        assertEquals(6, served.get());
        assertEquals(2, maxInFlight.get());
    }

    @Test
    void errorResponsesReleaseTheirConnection() {
        status = 500;
        try (ObsClient client = client(1)) {
            for (int i = 0; i < 5; i++) assertThrows(ApiException.ServerException.class, client::key);
            status = 200;
            long t0 = System.nanoTime();
            assertTrue(client.key().managementKey(), "the single pooled connection is free again");
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1500, "no wait for a leaked connection");
        }
        assertEquals(6, served.get());
    }
}
