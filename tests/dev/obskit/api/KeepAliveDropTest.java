package dev.obskit.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that answers as if it kept the connection alive (HTTP/1.1, no "Connection: close") and
 * then drops the socket. The pool must notice the dead connection and open a new one, with no retry.
 */
class KeepAliveDropTest {
    private ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private Thread acceptor;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) { /* skip request head */ }
                    if (line == null) continue;
                    requests.incrementAndGet();
                    byte[] body = "{\"data\":{\"label\":\"k\",\"is_management_key\":true}}".getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // closed
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        acceptor.join(2000);
    }

    @Test
    void aConnectionDroppedWhileIdleIsValidatedAndReplacedWithoutARetry() throws InterruptedException {
        FakeTime time = new FakeTime();
        try (ObsClient client = client(time)) {
            assertTrue(client.key().managementKey());
            Thread.sleep(Transport.VALIDATE_AFTER_INACTIVITY.toMillis() + 100);
            assertTrue(client.key().managementKey());
        }
        assertEquals(2, requests.get());
        assertEquals(2, connections.get());
        assertEquals(List.of(), warnings);
        assertEquals(List.of(), time.waits);
    }

    @Test
    void aConnectionDroppedJustAfterAnsweringCostsOneQuickRetryOfAGet() {
        FakeTime time = new FakeTime();
        try (ObsClient client = client(time)) {
            assertTrue(client.key().managementKey());
            assertTrue(client.key().managementKey()); // reuses the dead socket at once: no time to validate
        }
        assertEquals(2, requests.get());
        assertEquals(2, connections.get());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("retrying GET /key in 0.5 s (attempt 2 of 5)"), warnings.get(0));
        assertEquals(List.of(Duration.ofMillis(500)), time.waits);
    }

    private ObsClient client(FakeTime time) {
        return ObsClient.builder().baseUrl("http://127.0.0.1:" + server.getLocalPort()).apiKey("sk-test")
                .retryPolicy(RetryPolicy.DEFAULT.withJitter(0)).sleeper(time).clock(time)
                .warnings(warnings::add).build();
    }
}
