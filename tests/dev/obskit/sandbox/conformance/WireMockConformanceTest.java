package dev.obskit.sandbox.conformance;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

/**
 * The conformance assertions against WireMock stubs whose bodies are the API doc's own examples:
 * the §3 Langfuse object (plus the §15 {@code regions} it predates), the §1 error envelope and its
 * example messages, {@code {"deleted":true}} (§2.5), a §11 workspace and a §16 key object. A
 * scenario walks the stubs through create, update and delete.
 */
class WireMockConformanceTest extends ApiConformanceContract {
    static final String MGMT = "sk-or-mgmt-doc-example-0000";
    static final String INFERENCE = "sk-or-v1-doc-example-0000";
    static final String API = "/api/v1";
    static final String DESTINATION_ID = "99999999-aaaa-bbbb-cccc-dddddddddddd";

    /** §3 spec example, verbatim, with {@code "regions": ["global"]} (§15: required in the newest spec). */
    static final String EXAMPLE = """
            {
              "id": "99999999-aaaa-bbbb-cccc-dddddddddddd",
              "workspace_id": "550e8400-e29b-41d4-a716-446655440000",
              "name": "Production Langfuse",
              "type": "langfuse",
              "enabled": true,
              "privacy_mode": false,
              "broadcast_generation_cost": false,
              "broadcast_generation_identity": false,
              "broadcast_generation_request_context": false,
              "sampling_rate": 1,
              "regions": ["global"],
              "api_key_hashes": null,
              "filter_rules": null,
              "config": { "baseUrl": "https://us.cloud.langfuse.com", "publicKey": "pk-l...EfGh", "secretKey": "sk-l...AbCd" },
              "created_at": "2025-08-24T10:30:00Z",
              "updated_at": "2025-08-24T15:45:00Z"
            }""";

    /** A §11 workspace: every required key, values in the doc's types. */
    static final String WORKSPACE_JSON = """
            {"id": "550e8400-e29b-41d4-a716-446655440000", "name": "Production", "slug": "production",
             "description": null, "default_guardrail_id": "11111111-2222-4333-8444-555555555555",
             "default_text_model": null, "default_image_model": null, "default_provider_sort": null,
             "is_observability_broadcast_enabled": true, "is_observability_io_logging_enabled": false,
             "is_data_discount_logging_enabled": false, "io_logging_sampling_rate": 1, "io_logging_api_key_ids": null,
             "created_at": "2025-08-24T10:30:00Z", "updated_at": null, "created_by": null}""";

    /** A §16 key object. */
    static final String KEY_JSON = """
            {"label": "sk-or-mgmt-doc...0000", "is_management_key": true, "is_provisioning_key": true, "is_free_tier": false,
             "workspace_id": "550e8400-e29b-41d4-a716-446655440000", "organization_id": null, "creator_user_id": null,
             "limit": null, "limit_remaining": null, "limit_reset": null, "include_byok_in_limit": false,
             "usage": 0, "usage_daily": 0, "usage_weekly": 0, "usage_monthly": 0,
             "byok_usage": 0, "byok_usage_daily": 0, "byok_usage_weekly": 0, "byok_usage_monthly": 0,
             "rate_limit": {"requests": -1, "interval": "10s", "note": "deprecated"},
             "free_model_daily_requests": {"limit": 1000, "remaining": 1000, "used": 0},
             "allowed_data_regions": ["global", "europe", "us"], "expires_at": null}""";

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        stubAuth();
        stubLifecycle();
        stubErrors();
        stubWorkspacesAndKey();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    @Override
    String baseUrl() {
        return wm.baseUrl() + API;
    }

    @Override
    String managementKey() {
        return MGMT;
    }

    @Override
    String inferenceKey() {
        return INFERENCE;
    }

    private void stubAuth() {
        wm.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", absent())
                .willReturn(error(401, "Missing Authentication header")));
        wm.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", equalTo("Bearer " + INFERENCE))
                .willReturn(error(403, "Only management keys can perform this operation")));
    }

    private void stubLifecycle() {
        String list = API + "/observability/destinations";
        String one = list + "/" + DESTINATION_ID;
        String disabled = EXAMPLE.replace("\"enabled\": true", "\"enabled\": false")
                .replace("\"updated_at\": \"2025-08-24T15:45:00Z\"", "\"updated_at\": \"2025-08-24T16:00:00Z\"");
        scenario(get(urlPathEqualTo(list)), STARTED, null, json(200, "{\"data\": [], \"total_count\": 0}"));
        scenario(post(urlPathEqualTo(list)).withRequestBody(equalToJson(CREATE_LANGFUSE)), STARTED, "created",
                json(201, "{\"data\": " + EXAMPLE + "}"));
        scenario(get(urlPathEqualTo(one)), "created", null, json(200, "{\"data\": " + EXAMPLE + "}"));
        scenario(get(urlPathEqualTo(list)), "created", null, json(200, "{\"data\": [" + EXAMPLE + "], \"total_count\": 1}"));
        scenario(patch(urlPathEqualTo(one)).withRequestBody(equalToJson("{\"enabled\": false}")), "created", "updated",
                json(200, "{\"data\": " + disabled + "}"));
        scenario(delete(urlPathEqualTo(one)), "updated", "deleted", json(200, "{\"deleted\": true}"));
        scenario(get(urlPathEqualTo(one)), "deleted", null, error(404, "Resource not found"));
        scenario(get(urlPathEqualTo(list)), "deleted", null, json(200, "{\"data\": [], \"total_count\": 0}"));
    }

    private void scenario(MappingBuilder m, String state, String next, ResponseDefinitionBuilder response) {
        ScenarioMappingBuilder s = m.atPriority(5).withHeader("Authorization", equalTo("Bearer " + MGMT))
                .inScenario("lifecycle").whenScenarioStateIs(state);
        if (next != null) s = s.willSetStateTo(next);
        wm.stubFor(s.willReturn(response));
    }

    private void stubErrors() {
        String list = API + "/observability/destinations";
        wm.stubFor(any(urlPathMatching(list + "/[^/]+")).atPriority(9).willReturn(error(404, "Resource not found")));
        for (String limit : new String[]{"0", "101"}) {
            wm.stubFor(get(urlPathEqualTo(list)).atPriority(2).withQueryParam("limit", equalTo(limit))
                    .willReturn(error(400, "Invalid request parameters")));
        }
        wm.stubFor(post(urlPathEqualTo(list)).atPriority(2).withRequestBody(matchingJsonPath("$.sampling_rate", equalTo("2")))
                .willReturn(error(400, "Invalid request parameters")));
    }

    private void stubWorkspacesAndKey() {
        wm.stubFor(get(urlPathEqualTo(API + "/workspaces")).atPriority(5)
                .willReturn(json(200, "{\"data\": [" + WORKSPACE_JSON + "], \"total_count\": 1}")));
        for (String idOrSlug : new String[]{WORKSPACE, "production"}) {
            wm.stubFor(get(urlPathEqualTo(API + "/workspaces/" + idOrSlug)).atPriority(5)
                    .willReturn(json(200, "{\"data\": " + WORKSPACE_JSON + "}")));
        }
        wm.stubFor(get(urlPathMatching(API + "/workspaces/[^/]+")).atPriority(9).willReturn(error(404, "Resource not found")));
        wm.stubFor(get(urlPathEqualTo(API + "/key")).atPriority(5).willReturn(json(200, "{\"data\": " + KEY_JSON + "}")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The §1 envelope, with the example message of the status. */
    private static ResponseDefinitionBuilder error(int status, String message) {
        return json(status, "{\"error\": {\"code\": " + status + ", \"message\": \"" + message + "\"}}");
    }
}
