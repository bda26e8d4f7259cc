package dev.obskit.sandbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start on a chosen port, loopback only, stop cleanly. */
class SandboxLifecycleTest {
    @Test
    void servesOnAChosenPortOnLoopbackAndStopsForGood() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withPort(port));
        assertEquals(port, sandbox.port());
        assertEquals("http://127.0.0.1:" + port + "/api/v1", sandbox.baseUrl());
        assertEquals(200, new Http(sandbox).get("/key", sandbox.managementKey()).status());
        assertThrows(UncheckedIOException.class, () -> Sandbox.start(SandboxOptions.ephemeral().withPort(port)),
                "the port is taken");
        sandbox.close();
        sandbox.close(); // idempotent
        assertThrows(UncheckedIOException.class, () -> new Http("http://127.0.0.1:" + port + "/api/v1").get("/key", "k"));
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.ephemeral().withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> SandboxOptions.ephemeral().withMaxPerType(0));
        assertTrue(SandboxOptions.defaults(java.nio.file.Path.of("/tmp/x")).persistent());
        assertEquals(java.nio.file.Path.of("/tmp/x/sandbox/state.json"), SandboxOptions.defaults(java.nio.file.Path.of("/tmp/x")).stateFile());
    }
}
