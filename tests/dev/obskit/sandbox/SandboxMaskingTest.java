package dev.obskit.sandbox;

import dev.obskit.secrets.Masking;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §5 and §6.3: secrets and header values masked on every response; masked values sent back are ignored. */
class SandboxMaskingTest {
    Sandbox sandbox;
    Http http;
    String key;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        http = new Http(sandbox);
        key = sandbox.managementKey();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theMaskingRule() {
        assertEquals("sk-l...AbCd", Masking.mask("sk-lf-0987654321zyxwAbCd"));
        assertEquals("abcd...9012", Masking.mask("abcd56789012"));   // 12 characters: first and last four
        assertEquals("********", Masking.mask("abcd5678901"));        // 11: nothing shown
        assertEquals("********", Masking.mask(""));
        assertTrue(Masking.isPlaceholder("sk-l...AbCd", "sk-lf-0987654321zyxwAbCd"));
        assertTrue(Masking.isPlaceholder("********", "short"));
        assertTrue(Masking.isPlaceholder("****...AbCd", null));
        assertTrue(Masking.isPlaceholder("arize_...AbCd", null));
        assertFalse(Masking.isPlaceholder("sk-lf-new-real-secret-1234", "sk-lf-0987654321zyxwAbCd"));
    }

    @Test
    void noDemoSecretLeavesTheSandboxThroughAnyReadOrWrite() {
        Set<String> secrets = DemoAccount.secretValues();
        List<String> bodies = new ArrayList<>();
        for (var w : sandbox.state().workspaces()) {
            Http.Response list = http.get("/observability/destinations?limit=100&workspace_id=" + w.id(), key);
            assertEquals(200, list.status());
            bodies.add(list.text());
            for (var v : list.json().getJsonArray("data")) {
                String id = v.asJsonObject().getString("id");
                bodies.add(http.get("/observability/destinations/" + id, key).text());
                // the exact object read back as a PATCH: must change nothing and leak nothing
                JsonObject config = v.asJsonObject().getJsonObject("config");
                Http.Response patched = http.patch("/observability/destinations/" + id, key, "{\"config\":" + Jsons.write(config) + "}");
                assertEquals(200, patched.status(), patched.text());
                assertEquals(config, patched.data().getJsonObject("config"));
                bodies.add(patched.text());
            }
        }
        int checked = 0;
        for (String body : bodies) {
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "a secret leaked in a response");
                checked++;
            }
        }
        assertTrue(checked > 1000);
        // and the stored secrets are still the real ones
        for (StoredDestination d : sandbox.state().liveDestinations()) {
            d.config().forEach((k, v) -> assertFalse(v.toString().contains("..."), d.name() + " " + k + " was overwritten by a mask"));
        }
    }

    @Test
    void everySecretFieldOfEveryTypeIsMasked() {
        for (var type : dev.obskit.model.DestinationType.all()) {
            JsonObject d = sandbox.state().liveDestinations().stream().filter(x -> x.type().equals(type.name())).findFirst()
                    .map(x -> http.get("/observability/destinations/" + x.id(), key).data()).orElseThrow();
            for (var secretKey : type.secretKeys()) {
                if (!d.getJsonObject("config").containsKey(secretKey.name())) continue;
                String shown = d.getJsonObject("config").getString(secretKey.name());
                assertTrue(shown.matches("^.{4}\\.\\.\\..{4}$") || shown.equals(Masking.SHORT_MASK), type.name() + "." + secretKey.name() + " = " + shown);
            }
        }
    }

    @Test
    void headerValuesAndShortSecretsAreMasked() {
        Http.Response r = http.post("/observability/destinations", key, j("{'type':'otel-collector','name':'o','config':"
                + "{'endpoint':'https://otel.example:4318','headers':{'Authorization':'Bearer xaat-0123456789abcdef','X-Short':'abc'}}}"));
        assertEquals(201, r.status());
        assertEquals(j("{'endpoint':'https://otel.example:4318','headers':{'Authorization':'Bear...cdef','X-Short':'********'}}"),
                r.data().getJsonObject("config").toString());
        Http.Response ch = http.post("/observability/destinations", key, j("{'type':'clickhouse','name':'c','config':"
                + "{'host':'https://ch.example:8443','database':'db','username':'default','password':'pw-short'}}"));
        assertEquals("********", ch.data().getJsonObject("config").getString("password"));
        assertEquals("default", ch.data().getJsonObject("config").getString("username"));
    }

    @Test
    void aHeaderSentBackMaskedKeepsItsValueWhileTheMapIsReplacedWhole() {
        JsonObject d = http.post("/observability/destinations", key, j("{'type':'webhook','name':'w','config':{'url':'https://h.example',"
                + "'headers':{'Authorization':'Bearer whsec_0123456789abcdef','X-Old':'old-value-123456'}}}")).data();
        String id = d.getString("id");
        Http.Response r = http.patch("/observability/destinations/" + id, key,
                j("{'config':{'headers':{'Authorization':'Bear...cdef','X-New':'new-value-654321'}}}"));
        assertEquals(200, r.status());
        JsonObject headers = sandbox.state().get(id).orElseThrow().config().getJsonObject("headers");
        assertEquals(j("{'Authorization':'Bearer whsec_0123456789abcdef','X-New':'new-value-654321'}"), headers.toString());
    }
}
