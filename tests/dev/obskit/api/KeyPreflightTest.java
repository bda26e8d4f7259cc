package dev.obskit.api;

import dev.obskit.model.KeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 3 item 5: GET /key tells a management key from an inference key, before any work. */
class KeyPreflightTest extends WireMockTestBase {
    private static final String KEY_PATH = "/api/v1/key";

    private void keyAnswers(int status, String body) {
        wm.stubFor(get(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    private static void assertNoPartOfTheKey(String message) {
        assertFalse(message.contains(KEY), message);
        assertFalse(message.contains("TESTKEY"), message);
        assertFalse(message.contains("sk-or-mgmt"), message);
        assertFalse(message.contains("cdef"), message);
    }

    @Test
    void aManagementKeyPasses() {
        keyAnswers(200, "{\"data\":{\"label\":\"ops\",\"is_management_key\":true,\"is_provisioning_key\":true,\"workspace_id\":null}}");

        Optional<KeyInfo> info = client.preflight();

        assertTrue(info.orElseThrow().managementKey());
        assertEquals("ops", info.get().label());
        assertEquals(1, requests("GET").size());
    }

    @Test
    void theDeprecatedProvisioningFlagIsReadWhenTheNewOneIsAbsent() {
        keyAnswers(200, "{\"data\":{\"label\":\"old\",\"is_provisioning_key\":true}}");

        assertTrue(client.preflight().orElseThrow().managementKey());
    }

    @Test
    void anInferenceKeyFailsFastSayingWhatKeyIsNeeded() {
        keyAnswers(200, "{\"data\":{\"label\":\"chat\",\"is_management_key\":false,\"is_provisioning_key\":false}}");

        NotManagementKeyException e = assertThrows(NotManagementKeyException.class, () -> client.preflight());

        assertInstanceOf(ApiException.PermissionException.class, e, "maps to the auth exit code like any 403");
        assertEquals(403, e.status());
        assertEquals("a management key is needed (create one at https://openrouter.ai/settings/management-keys);"
                + " the key in use is an inference key", e.getMessage());
        assertNoPartOfTheKey(e.getMessage());
        assertEquals(1, requests("GET").size());
    }

    @Test
    void aRejectedKeyFailsFastWithoutRetryAndNamesTheVariable() {
        keyAnswers(401, error(401, "Invalid credentials"));

        RejectedKeyException e = assertThrows(RejectedKeyException.class, () -> client.preflight());

        assertInstanceOf(ApiException.AuthenticationException.class, e, "maps to the auth exit code like any 401");
        assertEquals(401, e.status());
        assertEquals("Invalid credentials", e.serverMessage());
        assertTrue(e.getMessage().startsWith("the key was rejected (401): check OPENROUTER_MANAGEMENT_KEY"), e.getMessage());
        assertNoPartOfTheKey(e.getMessage());
        assertEquals(1, requests("GET").size());
        assertEquals(java.util.List.of(), time.waits);
    }

    @Test
    void a403OnGetKeyMeansTheWrongKindOfKey() {
        keyAnswers(403, error(403, "Only management keys can perform this operation"));

        NotManagementKeyException e = assertThrows(NotManagementKeyException.class, () -> client.preflight());

        assertEquals("Only management keys can perform this operation", e.serverMessage());
        assertEquals(1, requests("GET").size());
    }

    @Test
    void aServerWithoutGetKeyIsWarnedAboutNotFailed() {
        keyAnswers(404, error(404, "Resource not found"));

        assertEquals(Optional.empty(), client.preflight());

        assertEquals(java.util.List.of("the server has no GET /key, so the key could not be checked before starting"), warnings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyKeyIsRefusedBeforeAnyRequest(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().apiKey(key).build());

        assertTrue(e.getMessage().contains("OPENROUTER_MANAGEMENT_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("OPENROUTER_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("--api-key-file"), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size(), "no request, so no empty bearer token");
    }

    @Test
    void aMissingKeyIsRefusedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> ObsClient.builder().baseUrl(wm.baseUrl()).build());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void aKeyFileNewlineIsTrimmedAndAKeyWithInnerSpacesIsRefusedWithoutShowingIt() {
        keyAnswers(200, "{\"data\":{\"label\":\"ops\",\"is_management_key\":true}}");
        try (ObsClient fromFile = builder().apiKey(KEY + "\n").build()) {
            fromFile.preflight();
        }
        assertEquals("Bearer " + KEY, requests("GET").get(0).getHeader("Authorization"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder().apiKey("sk-or secret\nline2").build());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void settingsNeverPrintTheKey() {
        assertFalse(client.settings().toString().contains("TESTKEY"));
    }
}
