package dev.obskit.sandbox;

import dev.obskit.json.Jsons;
import dev.obskit.model.ConfigKey;
import dev.obskit.model.DestinationType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;
import java.util.stream.Stream;

import static dev.obskit.sandbox.Http.j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 4 item 1: every validation rule of the API doc, with asserted statuses and bodies. */
class SandboxValidationTest {
    static Sandbox sandbox;
    static Http http;
    static String key;
    static String workspace;

    @BeforeAll
    static void start() {
        // a high per-type cap: this class creates many destinations of each type
        sandbox = Sandbox.start(SandboxOptions.ephemeral().withMaxPerType(1000));
        http = new Http(sandbox);
        key = sandbox.managementKey();
        workspace = sandbox.defaultWorkspaceId();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<DestinationType> types() {
        return DestinationType.all().stream();
    }

    static JsonObject sampleConfig(DestinationType t) {
        return SampleConfigs.forType(t.name(), "check", new Random(7)).build();
    }

    static Http.Response create(String type, JsonObject config) {
        return http.post("/observability/destinations", key, Jsons.write(Json.createObjectBuilder()
                .add("type", type).add("name", "v").add("config", config).build()));
    }

    static Http.Response createWith(String topLevelJson) {
        return http.post("/observability/destinations", key, j("{'type':'webhook','name':'v','config':{'url':'https://h.example'}," + topLevelJson + "}"));
    }

    static void assert400(Http.Response r, String message) {
        assertEquals(400, r.status(), r.text());
        assertEquals(Jsons.write(Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", 400).add("message", message)).build()), r.text());
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTypeAcceptsItsRequiredKeysAndFillsEveryDefault(DestinationType type) {
        Http.Response r = create(type.name(), sampleConfig(type));
        assertEquals(201, r.status(), r.text());
        JsonObject config = r.data().getJsonObject("config");
        for (ConfigKey k : type.keys()) {
            if (k.required()) assertTrue(config.containsKey(k.name()), type.name() + " lacks " + k.name());
            if (k.defaultValue() != null && !sampleConfig(type).containsKey(k.name())) {
                assertEquals(k.defaultValue(), config.getString(k.name()), type.name() + "." + k.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRequiredKeyIsRequired(DestinationType type) {
        for (ConfigKey k : type.keys()) {
            if (!k.required()) continue;
            Http.Response r = create(type.name(), Jsons.without(sampleConfig(type), k.name()));
            assert400(r, "Invalid configuration: Invalid configuration: " + k.name() + ": Invalid input: expected string, received undefined");
            if (!k.allowEmpty()) {
                Http.Response empty = create(type.name(), Jsons.with(sampleConfig(type), k.name(), Json.createValue("")));
                assert400(empty, "Invalid configuration: Invalid configuration: " + k.name() + ": Too small: expected string to have >=1 characters");
            }
            Http.Response number = create(type.name(), Jsons.with(sampleConfig(type), k.name(), Json.createValue(5)));
            assert400(number, "Invalid configuration: Invalid configuration: " + k.name() + ": Invalid input: expected string, received number");
        }
    }

    @Test
    void everyMissingKeyIsNamedInOneMessageTheWayTheLiveApiDoes() {
        Http.Response r = create("s3", Jsons.parseObject(j("{'bucket_name':'b','access_key_id':'a','secret_access_key':'s'}")));
        assert400(r, "Invalid configuration: Invalid configuration: bucketName: Invalid input: expected string, received undefined; "
                + "accessKeyId: Invalid input: expected string, received undefined; secretAccessKey: Invalid input: expected string, received undefined");
    }

    @Test
    void otelCollectorEndpointMayBeEmpty() {
        assertEquals(201, create("otel-collector", Jsons.parseObject(j("{'endpoint':''}"))).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://abc@o1.ingest.sentry.io/123", "https://key:secret@sentry.example.com/path/to/42/",
            "https://k@host/1"})
    void sentryDsnMatchingThePatternIsAccepted(String dsn) {
        assertEquals(201, create("sentry", Json.createObjectBuilder().add("dsn", dsn).add("otlpEndpoint", "https://o/otlp").build()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://abc@o1.ingest.sentry.io/123", "https://o1.ingest.sentry.io/123", "https://abc@o1.ingest.sentry.io/project",
            "not a dsn"})
    void sentryDsnNotMatchingThePatternIs400(String dsn) {
        Http.Response r = create("sentry", Json.createObjectBuilder().add("dsn", dsn).add("otlpEndpoint", "https://o/otlp").build());
        assert400(r, "Invalid configuration: Invalid configuration: dsn: Invalid string: must match pattern "
                + "/^https:\\/\\/([^:@]+)(?::[^@]*)?@([^/]+)(?:\\/[^/]+)*\\/(\\d+)\\/?$/");
    }

    @ParameterizedTest
    @CsvSource({"xy12345.us-east-1,201", "org-account_1,201", "ACME,201", "xy12345..us,400", "-lead,400", "has space,400", "trail.,400"})
    void snowflakeAccountPattern(String account, int status) {
        assertEquals(status, create("snowflake", Json.createObjectBuilder().add("account", account).add("token", "t-0123456789abcdef").build()).status());
    }

    @Test
    void snowflakeAccountMaxLength() {
        String max = "a".repeat(255);
        assertEquals(201, create("snowflake", Json.createObjectBuilder().add("account", max).add("token", "t-0123456789abcdef").build()).status());
        assert400(create("snowflake", Json.createObjectBuilder().add("account", max + "a").add("token", "t-0123456789abcdef").build()),
                "Invalid configuration: Invalid configuration: account: Too big: expected string to have <=255 characters");
    }

    @Test
    void enumsOfRegionAndMethod() {
        assertEquals("eu", create("newrelic", Jsons.parseObject(j("{'licenseKey':'0123456789abcdefNRAL','region':'eu'}")))
                .data().getJsonObject("config").getString("region"));
        assert400(create("newrelic", Jsons.parseObject(j("{'licenseKey':'0123456789abcdefNRAL','region':'europe'}"))),
                "Invalid configuration: Invalid configuration: region: Invalid option: expected one of \"us\"|\"eu\"");
        assertEquals("PUT", create("webhook", Jsons.parseObject(j("{'url':'https://h.example','method':'PUT'}")))
                .data().getJsonObject("config").getString("method"));
        assert400(create("webhook", Jsons.parseObject(j("{'url':'https://h.example','method':'GET'}"))),
                "Invalid configuration: Invalid configuration: method: Invalid option: expected one of \"POST\"|\"PUT\"");
    }

    @Test
    void headersMustBeAMapOfStrings() {
        assert400(create("webhook", Jsons.parseObject(j("{'url':'https://h.example','headers':['a']}"))),
                "Invalid configuration: Invalid configuration: headers: Invalid input: expected record, received array");
        assert400(create("webhook", Jsons.parseObject(j("{'url':'https://h.example','headers':{'X-N':1}}"))),
                "Invalid configuration: Invalid configuration: headers.X-N: Invalid input: expected string, received number");
        assertEquals(201, create("datadog", Jsons.parseObject(j("{'apiKey':'0123456789abcdef','mlApp':'a','headers':{}}"))).status());
    }

    @Test
    void unknownConfigKeysAreDroppedSilently() {
        Http.Response r = create("webhook", Jsons.parseObject(j("{'url':'https://h.example','bucket_name':'x','should_include_cache_write_tokens':true}")));
        assertEquals(201, r.status());
        assertEquals(j("{'url':'https://h.example','method':'POST'}"), r.data().getJsonObject("config").toString());
        String id = r.data().getString("id");
        Http.Response p = http.patch("/observability/destinations/" + id, key, j("{'config':{'extra':'y'}}"));
        assertEquals(j("{'url':'https://h.example','method':'POST'}"), p.data().getJsonObject("config").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'name':'v','config':{}}|type: Invalid input: expected string, received undefined",
            "{'type':'splunk','name':'v','config':{}}|type: Invalid option: expected one of",
            "{'type':'webhook','config':{'url':'u'}}|name: Invalid input: expected string, received undefined",
            "{'type':'webhook','name':null,'config':{'url':'u'}}|name: Invalid input: expected string, received null",
            "{'type':'webhook','name':'v'}|config: Invalid input: expected object, received undefined",
            "{'type':'webhook','name':'v','config':'url'}|config: Invalid input: expected object, received string"})
    void requiredTopLevelFields(String body, String messagePart) {
        Http.Response r = http.post("/observability/destinations", key, j(body));
        assertEquals(400, r.status());
        assertEquals(400, r.json().getJsonObject("error").getInt("code"));
        assertTrue(r.json().getJsonObject("error").getString("message").startsWith("Invalid request parameters: " + messagePart),
                r.json().getJsonObject("error").getString("message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00009", "1.0001", "2", "-1"})
    void samplingRateOutsideTheRangeIs400(String rate) {
        assert400(createWith("'sampling_rate':" + rate), "Invalid request parameters: sampling_rate: must be between 0.0001 and 1");
        String id = sandbox.state().liveDestinations().get(0).id();
        assert400(http.patch("/observability/destinations/" + id, key, "{\"sampling_rate\":" + rate + "}"),
                "Invalid request parameters: sampling_rate: must be between 0.0001 and 1");
    }

    @ParameterizedTest
    @CsvSource({"0.0001,0.0001", "1,1", "0.5,0.5", "1.0,1", "1e-4,0.0001"})
    void samplingRateInsideTheRangeIsEchoedPlainly(String rate, String echoed) {
        Http.Response r = createWith("'sampling_rate':" + rate);
        assertEquals(201, r.status(), r.text());
        assertEquals(echoed, r.data().get("sampling_rate").toString());
    }

    @Test
    void wrongTypesOfTopLevelFieldsAre400() {
        assert400(createWith("'enabled':'yes'"), "Invalid request parameters: enabled: Invalid input: expected boolean, received string");
        assert400(createWith("'privacy_mode':null"), "Invalid request parameters: privacy_mode: Invalid input: expected boolean, received null");
        assert400(createWith("'sampling_rate':'1'"), "Invalid request parameters: sampling_rate: Invalid input: expected number, received string");
        String id = sandbox.state().liveDestinations().get(0).id();
        assert400(http.patch("/observability/destinations/" + id, key, j("{'name':null}")),
                "Invalid request parameters: name: Invalid input: expected string, received null");
        assert400(http.patch("/observability/destinations/" + id, key, j("{'broadcast_generation_cost':1}")),
                "Invalid request parameters: broadcast_generation_cost: Invalid input: expected boolean, received number");
    }

    @Test
    void apiKeyHashes() {
        assert400(createWith("'api_key_hashes':[]"), "Invalid request parameters: api_key_hashes: Too small: expected array to have >=1 items");
        assertEquals("null", createWith("'api_key_hashes':null").data().get("api_key_hashes").toString());
        JsonObject d = createWith("'api_key_hashes':['h1','h2']").data();
        assertEquals(j("['h1','h2']"), d.get("api_key_hashes").toString());
        String path = "/observability/destinations/" + d.getString("id");
        assert400(http.patch(path, key, j("{'api_key_hashes':[]}")), "Invalid request parameters: api_key_hashes: Too small: expected array to have >=1 items");
        assertEquals(j("['h1','h2']"), http.get(path, key).data().get("api_key_hashes").toString(), "a failed PATCH changes nothing");
        assertEquals(j("['h1','h2']"), http.patch(path, key, j("{'name':'x'}")).data().get("api_key_hashes").toString(), "omitted: kept");
        assertEquals("null", http.patch(path, key, j("{'api_key_hashes':null}")).data().get("api_key_hashes").toString(), "null clears");
    }

    @Test
    void filterRulesAreValidatedAndEchoedWithDefaults() {
        JsonObject d = createWith("'filter_rules':{'groups':[{'rules':[{'field':'model','operator':'equals','value':'openai/gpt-4o'},"
                + "{'field':'total_cost','operator':'gte','value':0.5},{'field':'user_id','operator':'exists'}]},{'logic':'or','rules':[]}]}").data();
        assertEquals(j("{'enabled':true,'groups':[{'logic':'and','rules':[{'field':'model','operator':'equals','value':'openai/gpt-4o'},"
                + "{'field':'total_cost','operator':'gte','value':0.5},{'field':'user_id','operator':'exists'}]},{'logic':'or','rules':[]}]}"),
                d.get("filter_rules").toString());
        assertEquals(j("{'enabled':false,'groups':[]}"), createWith("'filter_rules':{'enabled':false,'groups':[]}").data().get("filter_rules").toString());
        String path = "/observability/destinations/" + d.getString("id");
        assertEquals("null", http.patch(path, key, j("{'filter_rules':null}")).data().get("filter_rules").toString(), "null clears");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|filter_rules.groups: Invalid input: expected array, received undefined",
            "{'groups':[{'logic':'xor','rules':[]}]}|filter_rules.groups[0].logic: Invalid option: expected one of \"and\"|\"or\"",
            "{'groups':[{'logic':'and'}]}|filter_rules.groups[0].rules: Invalid input: expected array, received undefined",
            "{'groups':[{'rules':[{'field':'temperature','operator':'equals','value':1}]}]}|filter_rules.groups[0].rules[0].field: Invalid option",
            "{'groups':[{'rules':[{'field':'model','operator':'like','value':'x'}]}]}|filter_rules.groups[0].rules[0].operator: Invalid option",
            "{'groups':[{'rules':[{'operator':'exists'}]}]}|filter_rules.groups[0].rules[0].field: Invalid input: expected string, received undefined",
            "{'groups':[{'rules':[{'field':'model','operator':'equals','value':true}]}]}|filter_rules.groups[0].rules[0].value: Invalid input: expected string | number, received boolean",
            "{'enabled':'yes','groups':[]}|filter_rules.enabled: Invalid input: expected boolean, received string",
            "[]|filter_rules: Invalid input: expected object, received array"})
    void badFilterRulesAre400(String rules, String messagePart) {
        Http.Response r = createWith("'filter_rules':" + rules);
        assertEquals(400, r.status());
        String message = r.json().getJsonObject("error").getString("message");
        assertTrue(message.startsWith("Invalid request parameters: " + messagePart.replace('\'', '"')), message);
    }

    @Test
    void regionsAreNormalisedAndNeverEmpty() {
        assertEquals(j("['global']"), createWith("'name2':1").data().get("regions").toString());
        assertEquals(j("['europe']"), createWith("'regions':['eu']").data().get("regions").toString());
        assertEquals(j("['europe','us']"), createWith("'regions':['eu','europe','us']").data().get("regions").toString());
        assert400(createWith("'regions':[]"), "Invalid request parameters: regions: Too small: expected array to have >=1 items");
        assert400(createWith("'regions':['mars']"), "Invalid request parameters: regions[0]: Invalid option: expected one of \"global\"|\"europe\"|\"us\"|\"eu\"");
        String path = "/observability/destinations/" + createWith("'regions':['us']").data().getString("id");
        assertEquals(j("['global','europe']"), http.patch(path, key, j("{'regions':['global','eu']}")).data().get("regions").toString());
        assert400(http.patch(path, key, j("{'regions':[]}")), "Invalid request parameters: regions: Too small: expected array to have >=1 items");
        assert400(http.patch(path, key, j("{'regions':null}")), "Invalid request parameters: regions: Invalid input: expected array, received null");
    }

    @Test
    void patchMergesConfigAndRevalidatesTheResult() {
        JsonObject d = create("snowflake", Jsons.parseObject(j("{'account':'xy12345.us-east-1','token':'tok-0123456789abcdef','warehouse':'BIG_WH'}"))).data();
        String path = "/observability/destinations/" + d.getString("id");
        JsonObject c = http.patch(path, key, j("{'config':{'schema':'RAW'}}")).data().getJsonObject("config");
        assertEquals("RAW", c.getString("schema"));
        assertEquals("BIG_WH", c.getString("warehouse"));
        assertEquals("xy12345.us-east-1", c.getString("account"));
        // re-validated: a bad merged value is a 400 and nothing changes
        assert400(http.patch(path, key, j("{'name':'changed','config':{'account':'bad account'}}")),
                "Invalid configuration: Invalid configuration: account: Invalid string: must match pattern /^[a-zA-Z0-9_]+(?:[.-][a-zA-Z0-9_]+)*$/");
        assertEquals(d.getString("name"), http.get(path, key).data().getString("name"));
        // null on a required key is refused, on an optional key it clears (and the default comes back)
        assert400(http.patch(path, key, j("{'config':{'token':null}}")),
                "Invalid configuration: Invalid configuration: token: Invalid input: expected string, received null");
        assertEquals("COMPUTE_WH", http.patch(path, key, j("{'config':{'warehouse':null}}")).data().getJsonObject("config").getString("warehouse"));
        assertEquals("tok-0123456789abcdef", sandbox.state().get(d.getString("id")).orElseThrow().config().getString("token"));
    }

    @Test
    void typeAndWorkspaceCannotBeChangedByPatch() {
        JsonObject d = createWith("'enabled':true").data();
        String other = sandbox.state().workspace("staging").orElseThrow().id();
        JsonObject p = http.patch("/observability/destinations/" + d.getString("id"), key,
                j("{'type':'s3','workspace_id':'" + other + "','enabled':false}")).data();
        assertEquals("webhook", p.getString("type"));
        assertEquals(d.getString("workspace_id"), p.getString("workspace_id"));
        assertFalse(p.getBoolean("enabled"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten", "1.5"})
    void listLimitOutside1To100Is400(String limit) {
        Http.Response r = http.get("/observability/destinations?limit=" + limit, key);
        assertEquals(400, r.status());
        assertEquals(400, r.json().getJsonObject("error").getInt("code"));
        assertTrue(r.json().getJsonObject("error").getString("message").startsWith("Invalid request parameters: limit"));
    }

    @Test
    void listLimitBoundsAndOffsetChecks() {
        assertEquals(1, http.get("/observability/destinations?limit=1", key).json().getJsonArray("data").size());
        assertEquals(200, http.get("/observability/destinations?limit=100", key).status());
        assert400(http.get("/observability/destinations?offset=-1", key), "Invalid request parameters: offset: must be 0 or more");
    }

    @Test
    void workspaceIdThatIsNotAUuidIs400AndAnUnknownOneIs404() {
        assert400(http.get("/observability/destinations?workspace_id=production", key), "Invalid request parameters: workspace_id: Invalid UUID");
        assert400(createWith("'workspace_id':'production'"), "Invalid request parameters: workspace_id: Invalid UUID");
        Http.Response unknown = http.get("/observability/destinations?workspace_id=00000000-0000-4000-8000-000000000000", key);
        assertEquals(404, unknown.status());
        assertEquals(j("{'error':{'code':404,'message':'Resource not found'}}"), unknown.text());
        assertEquals(404, createWith("'workspace_id':'00000000-0000-4000-8000-000000000000'").status());
    }

    @Test
    void malformedBodiesAre400() {
        assert400(http.post("/observability/destinations", key, "{not json"), "Invalid request parameters: body: Invalid JSON");
        assert400(http.post("/observability/destinations", key, "[]"), "Invalid request parameters: body: Invalid input: expected object, received array");
        String id = sandbox.state().liveDestinations().get(0).id();
        assert400(http.patch("/observability/destinations/" + id, key, ""), "Invalid request parameters: body: Invalid input: expected object, received undefined");
    }
}
