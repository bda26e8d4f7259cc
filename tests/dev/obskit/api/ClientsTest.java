package dev.obskit.api;

import dev.obskit.model.Destination;
import dev.obskit.sandbox.DemoAccount;
import dev.obskit.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripting face: a client in one call, every destination as one stream, secrets as masked values. */
class ClientsTest {

    @Test
    void aSandboxClientSeesTheDemoAccountAndStopsTheSandboxOnClose(@TempDir Path home) {
        String url;
        try (ObsClient client = Clients.sandbox(home)) {
            url = client.settings().baseUrl();
            List<Destination> all = client.allDestinations().toList();
            assertEquals(demoSize(), all.size());
            assertEquals(client.workspaces().count(), all.stream().map(Destination::workspaceId).distinct().count(), "every workspace, not just the default one");
        }
        assertTrue(Files.isRegularFile(home.resolve("sandbox/state.json")));
        try (ObsClient after = ObsClient.builder().baseUrl(url).apiKey("sk-or-anything").retryPolicy(RetryPolicy.NONE).build()) {
            assertThrows(ApiException.TransportException.class, () -> after.workspaces().count(), "the sandbox stopped with the client");
        }
    }

    /** The demo account's size, counted on the sandbox's own state rather than through the client under test. */
    static long demoSize() {
        try (var box = dev.obskit.sandbox.Sandbox.start(SandboxOptions.ephemeral());
             ObsClient c = ObsClient.builder().baseUrl(box.baseUrl()).apiKey(box.managementKey()).build()) {
            return c.workspaces().mapToLong(w -> c.destinations(w.id()).count()).sum();
        }
    }

    @Test
    void fromEnvironmentWithoutAKeyNamesTheVariables() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Clients.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("OPENROUTER_MANAGEMENT_KEY") && e.getMessage().contains("Clients.sandbox()"), e.getMessage());
    }

    @Test
    void fromEnvironmentConnectsToTheBaseUrlWithTheKey() {
        try (var box = dev.obskit.sandbox.Sandbox.start(SandboxOptions.ephemeral());
             ObsClient client = Clients.fromEnvironment(Map.of("OPENROUTER_BASE_URL", box.baseUrl(), "OPENROUTER_API_KEY", box.managementKey()))) {
            assertEquals(demoSize(), client.allDestinations().count());
        }
    }

    @Test
    void secretsAreMaskedAndNamedByKey() {
        Set<String> clear = DemoAccount.secretValues();
        try (ObsClient client = Clients.sandbox(SandboxOptions.ephemeral())) {
            List<Destination> all = client.allDestinations().toList();
            Destination langfuse = all.stream().filter(d -> d.name().equals("Production Langfuse")).findFirst().orElseThrow();
            assertEquals(Set.of("secretKey", "publicKey"), langfuse.secrets().keySet());
            for (Destination d : all) {
                for (String v : d.secrets().values()) {
                    assertFalse(clear.contains(v), d.name() + " shows a secret in clear");
                    assertTrue(dev.obskit.secrets.Masking.looksMasked(v), v);
                }
            }
            assertTrue(all.stream().anyMatch(d -> d.secrets().keySet().stream().anyMatch(k -> k.startsWith("headers."))), "header values count as secrets");
        }
        // a value a server sent in clear is masked here
        Destination clearOne = Destination.fromJson(jakarta.json.Json.createObjectBuilder().add("id", "x").add("type", "datadog")
                .add("config", jakarta.json.Json.createObjectBuilder().add("apiKey", "0123456789abcdefWXYZ").add("mlApp", "app")).build());
        assertEquals(Map.of("apiKey", "0123...WXYZ"), clearOne.secrets());
    }
}
