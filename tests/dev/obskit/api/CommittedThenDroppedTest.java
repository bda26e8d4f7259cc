package dev.obskit.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server with real state: it stores the destination, then drops the connection instead of
 * answering. The client must end with exactly one destination on the server, and return it.
 */
class CommittedThenDroppedTest {
    private HttpServer server;
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger lists = new AtomicInteger();
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/observability/destinations", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        if (ex.getRequestMethod().equals("POST")) {
            posts.incrementAndGet();
            JsonObject body = Jsons.parseObject(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String id = Fixtures.id(100 + stored.size());
            stored.add(Fixtures.destination(id, Jsons.string(body, "type"), Jsons.string(body, "name"), time.instant().toString()));
            throw new IllegalStateException("committed, then the connection drops"); // the JDK server closes the socket
        }
        lists.incrementAndGet();
        send(ex, Fixtures.list(stored.size(), stored.toArray(String[]::new)));
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void aCreateTheServerCommittedBeforeDroppingTheConnectionMakesExactlyOneDestination() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (ObsClient client = ObsClient.builder().baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1")
                .apiKey("sk-test").retryPolicy(RetryPolicy.DEFAULT.withJitter(0)).sleeper(time).clock(time)
                .warnings(warnings::add).build()) {

            Destination d = client.createDestination(Jsons.parseObject(
                    "{\"type\":\"webhook\",\"name\":\"audit\",\"config\":{\"url\":\"https://example.com/hook\"}}"));

            assertEquals(Fixtures.id(100), d.id());
            assertEquals("audit", d.name());
        }
        assertEquals(1, stored.size(), "destinations on the server");
        assertEquals(1, posts.get());
        assertEquals(1, lists.get());
        assertEquals(2, warnings.size(), warnings.toString());
    }
}
