package dev.obskit.sandbox;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** State under $OBSKIT_HOME/sandbox/state.json: seeded once, owner-only, survives restarts, written atomically and not per request. */
class SandboxPersistenceTest {
    @TempDir
    Path home;

    @Test
    void aFreshHomeIsSeededAndTheFileIsOwnerOnly() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home))) {
            Path file = home.resolve("sandbox/state.json");
            assertEquals(file, sandbox.stateFile().orElseThrow());
            assertTrue(Files.isRegularFile(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            JsonObject state = Jsons.parseObject(Files.readString(file));
            assertEquals(DemoAccount.build().destinations().size(), state.getJsonArray("destinations").size());
            // real secrets are in the file (that is why it is owner-only)
            String text = Files.readString(file);
            assertTrue(DemoAccount.secretValues().stream().allMatch(text::contains));
        }
    }

    @Test
    void changesAndKeysSurviveARestart() {
        String key;
        String id;
        String renamed;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home))) {
            key = sandbox.managementKey();
            Http http = new Http(sandbox);
            id = http.post("/observability/destinations", key, SandboxDestinationsTest.LANGFUSE).data().getString("id");
            renamed = sandbox.state().liveDestinations().get(0).id();
            http.patch("/observability/destinations/" + renamed, key, j("{'name':'Renamed before restart'}"));
            http.delete("/observability/destinations/" + sandbox.state().liveDestinations().get(1).id(), key);
        }
        try (Sandbox again = Sandbox.start(SandboxOptions.defaults(home))) {
            assertEquals(key, again.managementKey());
            Http http = new Http(again);
            Http.Response r = http.get("/observability/destinations/" + id, key);
            assertEquals(200, r.status());
            assertEquals("sk-lf-0987654321zyxwAbCd", again.state().get(id).orElseThrow().config().getString("secretKey"));
            assertEquals("Renamed before restart", http.get("/observability/destinations/" + renamed, key).data().getString("name"));
            assertEquals(DemoAccount.build().destinations().size(), again.state().liveDestinations().size());
        }
    }

    @Test
    void theFileIsWrittenInTheBackgroundNotPerRequest() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home).withFlushInterval(Duration.ofSeconds(30)))) {
            Path file = sandbox.stateFile().orElseThrow();
            String before = Files.readString(file);
            Http http = new Http(sandbox);
            for (int i = 0; i < 3; i++) {
                assertEquals(201, http.post("/observability/destinations", sandbox.managementKey(),
                        SandboxDestinationsTest.webhook(sandbox.defaultWorkspaceId(), "w" + i)).status());
            }
            assertEquals(before, Files.readString(file), "nothing written before the flush interval");
            sandbox.flush();
            assertNotEquals(before, Files.readString(file));
            assertEquals(DemoAccount.build().destinations().size() + 3,
                    Jsons.parseObject(Files.readString(file)).getJsonArray("destinations").size());
        }
    }

    @Test
    void readersNeverSeeATornFileWhileTheSandboxWrites() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home).withFlushInterval(Duration.ofMillis(1)))) {
            Path file = sandbox.stateFile().orElseThrow();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    try {
                        Jsons.parseObject(Files.readString(file)); // throws on a torn file
                        reads.incrementAndGet();
                    } catch (Exception e) {
                        throw new AssertionError("torn state file: " + e, e);
                    }
                }
            });
            AtomicBoolean failed = new AtomicBoolean();
            reader.setUncaughtExceptionHandler((t, e) -> failed.set(true));
            reader.start();
            Http http = new Http(sandbox);
            String id = sandbox.state().liveDestinations().get(0).id();
            for (int i = 0; i < 100; i++) http.patch("/observability/destinations/" + id, sandbox.managementKey(), j("{'name':'n" + i + "'}"));
            done.set(true);
            reader.join();
            assertFalse(failed.get());
            assertTrue(reads.get() > 0);
        }
        try (var dir = Files.list(home.resolve("sandbox"))) {
            assertEquals(1, dir.count(), "no temp files left behind once the sandbox is closed");
        }
    }

    @Test
    void anUnreadableFileIsReportedWithTheWayOut() throws Exception {
        Path file = home.resolve("sandbox/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{not json");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Sandbox.start(SandboxOptions.defaults(home)));
        assertTrue(e.getMessage().contains("obs-sandbox reset"), e.getMessage());
    }

    @Test
    void inMemoryWritesNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(home).inMemory())) {
            new Http(sandbox).post("/observability/destinations", sandbox.managementKey(), SandboxDestinationsTest.LANGFUSE);
            assertTrue(sandbox.stateFile().isEmpty());
        }
        assertFalse(Files.exists(home.resolve("sandbox")));
    }
}
