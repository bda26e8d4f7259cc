package dev.obskit.api;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.obskit.api.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unknown fields and unknown types pass through the model untouched. */
class DestinationRoundTripTest extends WireMockTestBase {
    private static final String FUTURE = """
            {"id":"%s","workspace_id":"%s","name":"next-gen","type":"honeycomb","enabled":false,"privacy_mode":true,
             "sampling_rate":0.25,"regions":["europe","mars"],"api_key_hashes":["abc"],
             "filter_rules":{"enabled":true,"groups":[{"logic":"or","rules":[{"field":"model","operator":"equals","value":"x"}]}]},
             "config":{"dataset":"prod","apiKey":"hc_...AbCd","nested":{"deep":[1,2.5,null]}},
             "created_at":"2026-09-05T08:24:27.107Z","updated_at":"2026-09-05T08:24:27.107Z",
             "routing_tier":"gold","labels":{"team":"sre"},"retention_days":null}""".formatted(id(1), Fixtures.WS);

    @Test
    void anUnknownTypeAndUnknownTopLevelFieldsSurviveFromJsonToJson() {
        JsonObject wire = Jsons.parseObject(FUTURE);

        Destination d = Destination.fromJson(wire);

        assertEquals(wire, d.toJson());
        assertEquals(Jsons.parse(FUTURE), Jsons.parse(Jsons.write(d.toJson())));
        assertEquals("honeycomb", d.type());
        assertEquals("gold", Jsons.string(d.toJson(), "routing_tier"));
        assertTrue(d.toJson().containsKey("retention_days"));
    }

    @Test
    void theyAlsoSurviveTheClient() {
        wm.stubFor(get(urlPathEqualTo(DEST + "/" + id(1))).willReturn(aResponse().withStatus(200).withBody("{\"data\":" + FUTURE + "}")));

        Destination d = client.getDestination(id(1));

        assertEquals(Jsons.parse(FUTURE), d.toJson());
        assertEquals(java.util.List.of("europe", "mars"), d.regions());
    }
}
