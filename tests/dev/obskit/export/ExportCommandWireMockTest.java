package dev.obskit.export;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.obskit.cli.ExportCommand;
import dev.obskit.json.Jsons;
import dev.obskit.testing.CommandRun;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-output comparisons of obs-export against a server whose answers are fixed and tricky. */
class ExportCommandWireMockTest {
    static final String KEY = "sk-or-mgmt-export-test-0123456789abcdef";
    static final String WS = "11111111-1111-4111-8111-111111111111";

    WireMockServer server;
    Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/observability/destinations"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(resource("destinations-page.json"))));
        server.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"label\":\"ops\",\"is_management_key\":true,\"is_provisioning_key\":true}}")));
        env = Map.of("OPENROUTER_BASE_URL", server.baseUrl() + "/api/v1", "OPENROUTER_MANAGEMENT_KEY", KEY);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static final String HEADER = "workspace_id,id,name,type,enabled,privacy_mode,sampling_rate,regions,api_key_hashes,"
            + "filter_rules,broadcast_generation_cost,broadcast_generation_identity,broadcast_generation_request_context,"
            + "config,created_at,updated_at\r\n";

    @Test
    void csvIsSortedQuotedInertAndPlain() {
        CommandRun run = CommandRun.run(new ExportCommand(), env);
        assertEquals(0, run.exitCode(), run::toString);
        String expected = HEADER
                + WS + ",cccccccc-0000-4000-8000-000000000003,,future-type,true,false,0.5,,,,false,false,false,"
                + "\"{\"\"token\"\":\"\"in-c...take\"\"}\",2026-01-15T08:30:00.250Z,2026-01-15T08:30:00.250Z\r\n"
                + WS + ",aaaaaaaa-0000-4000-8000-000000000001,\"Prod Langfuse, \"\"EU\"\"\",langfuse,true,false,1,global,,,"
                + "false,false,false,\"{\"\"baseUrl\"\":\"\"https://cloud.langfuse.com\"\",\"\"publicKey\"\":\"\"pk-l...EfGh\"\","
                + "\"\"secretKey\"\":\"\"sk-l...AbCd\"\"}\",2026-03-01T10:00:00Z,2026-03-01T10:00:00Z\r\n"
                + WS + ",bbbbbbbb-0000-4000-8000-000000000002,\"'=HYPERLINK(\"\"http://evil\"\")\",webhook,false,true,0.0001,"
                + "europe;us,abc123;def456,\"{\"\"enabled\"\":true,\"\"groups\"\":[{\"\"logic\"\":\"\"or\"\",\"\"rules\"\":"
                + "[{\"\"field\"\":\"\"total_cost\"\",\"\"operator\"\":\"\"gt\"\",\"\"value\"\":0.0000001}]}]}\",true,false,true,"
                + "\"{\"\"url\"\":\"\"https://hooks.example.com/x\"\",\"\"method\"\":\"\"POST\"\",\"\"headers\"\":"
                + "{\"\"Authorization\"\":\"\"Bear...9xYz\"\"}}\",2026-03-01T10:00:00.000Z,2026-03-02T10:00:00.000Z\r\n"
                + WS + ",dddddddd-0000-4000-8000-000000000004,\"multi\nline\",datadog,true,false,0.25,global,,,false,false,false,"
                + "\"{\"\"apiKey\"\":\"\"0123...0123\"\",\"\"mlApp\"\":\"\"chat\"\",\"\"url\"\":\"\"https://api.datadoghq.eu\"\"}\","
                + "2026-03-01T10:00:00.000Z,2026-03-01T10:00:00.000Z\r\n";
        assertEquals(expected, run.out());
        assertFalse(run.all().contains("0123456789abcdef0123"), "a secret the server sent in clear leaked");
        assertFalse(run.all().contains("in-clear-by-mistake"), "a secret-looking key of an unknown type leaked");
        assertFalse(run.all().contains(KEY), "the key leaked");
        assertTrue(run.err().contains("Exported 4 destinations"), run::toString);
    }

    @Test
    void requestCarriesKeyPagingAndNoWorkspaceForTheDefault() {
        CommandRun.run(new ExportCommand(), env, "--quiet");
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/observability/destinations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Accept", equalTo("application/json"))
                .withQueryParam("offset", equalTo("0"))
                .withQueryParam("limit", equalTo("100"))
                .withoutQueryParam("workspace_id"));
    }

    @Test
    void jsonlIsOneWireObjectPerLineWithUnknownFieldsKept() {
        CommandRun run = CommandRun.run(new ExportCommand(), env, "--output", "jsonl", "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().split("\n");
        assertEquals(4, lines.length, run::toString);
        assertEquals("{\"id\":\"cccccccc-0000-4000-8000-000000000003\",\"workspace_id\":\"" + WS + "\",\"name\":null,"
                + "\"type\":\"future-type\",\"enabled\":true,\"privacy_mode\":false,\"sampling_rate\":0.5,\"api_key_hashes\":null,"
                + "\"filter_rules\":null,\"config\":{\"token\":\"in-c...take\"},\"created_at\":\"2026-01-15T08:30:00.250Z\","
                + "\"updated_at\":\"2026-01-15T08:30:00.250Z\",\"new_field\":{\"kept\":true}}", lines[0]);
        JsonObject b = Jsons.parseObject(lines[2]);
        assertEquals("bbbbbbbb-0000-4000-8000-000000000002", b.getString("id"));
        assertTrue(lines[2].contains("\"sampling_rate\":0.0001,"), lines[2]);
        assertTrue(lines[2].contains("\"value\":0.0000001}"), lines[2]);
        assertTrue(lines[3].contains("\"apiKey\":\"0123...0123\""), lines[3]);
        assertEquals("", run.err());
    }

    @Test
    void jsonIsOneArray() {
        CommandRun run = CommandRun.run(new ExportCommand(), env, "--output", "json", "--quiet");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(4, Jsons.parse(run.out()).asJsonArray().size());
    }

    @Test
    void fileOutputIsWrittenWhole(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.csv");
        CommandRun run = CommandRun.run(new ExportCommand(), env, "-o", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out());
        String csv = Files.readString(file);
        assertTrue(csv.startsWith(HEADER));
        assertEquals(5, csv.split("\r\n").length);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temp file is left behind");
        }
    }

    @Test
    void noKeyIsExit4NamingTheVariables() {
        CommandRun run = CommandRun.run(new ExportCommand(), Map.of("OPENROUTER_BASE_URL", server.baseUrl() + "/api/v1"));
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().contains("OPENROUTER_MANAGEMENT_KEY"), run::toString);
        assertEquals("", run.out());
        assertEquals(0, server.getAllServeEvents().size(), "nothing is sent without a key");
    }

    @Test
    void rejectedKeyIsExit4WithTheServerMessage() {
        server.stubFor(get(urlPathEqualTo("/api/v1/observability/destinations")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"code\":401,\"message\":\"Invalid credentials\"}}")));
        CommandRun run = CommandRun.run(new ExportCommand(), env);
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().contains("ERROR: HTTP 401: Invalid credentials"), run::toString);
        assertFalse(run.all().contains(KEY));
    }

    @Test
    void anInferenceKeyIsExit4SayingAManagementKeyIsNeeded() {
        server.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"label\":\"chat\",\"is_management_key\":false,\"is_provisioning_key\":false}}")));
        CommandRun run = CommandRun.run(new ExportCommand(), env);
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().contains("management key"), run::toString);
        assertFalse(run.all().contains(KEY.substring(0, 12)), "no part of the key is printed");
        server.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/observability/destinations")));
    }

    @Test
    void badOutputPathsKeysAndUrlsAreUsageErrorsBeforeAnyRequest(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path keyWithSpace = dir.resolve("key.txt");
        Files.writeString(keyWithSpace, "sk-or-mgmt one two\n");
        Path bigFile = dir.resolve("big.bin");
        Files.write(bigFile, new byte[100_000]);
        Map<String, String> noKey = Map.of("OPENROUTER_BASE_URL", server.baseUrl() + "/api/v1");
        record Case(Map<String, String> env, String[] args, String says) {}
        for (Case c : List.of(
                new Case(env, new String[] {"-o", dir.toString()}, "not a regular file"),
                new Case(env, new String[] {"-o", dir.resolve("missing/out.csv").toString()}, "does not exist"),
                new Case(noKey, new String[] {"--api-key-file", keyWithSpace.toString()}, "contains spaces"),
                new Case(noKey, new String[] {"--api-key-file", bigFile.toString()}, "not a key file"),
                new Case(noKey, new String[] {"--api-key-file", dir.toString()}, "a directory"),
                new Case(Map.of("OPENROUTER_MANAGEMENT_KEY", "two words"), new String[] {"--base-url", server.baseUrl()}, "OPENROUTER_MANAGEMENT_KEY contains"),
                new Case(Map.of("OPENROUTER_MANAGEMENT_KEY", KEY, "OPENROUTER_BASE_URL", "not a url"), new String[0], "is not an http(s) URL"),
                new Case(Map.of("OPENROUTER_MANAGEMENT_KEY", KEY), new String[] {"--base-url", "ftp://127.0.0.1/x"}, "is not an http(s) URL"))) {
            CommandRun run = CommandRun.run(new ExportCommand(), c.env(), c.args());
            assertEquals(2, run.exitCode(), () -> List.of(c.args()) + "\n" + run);
            assertTrue(run.err().contains(c.says()), () -> c.says() + "\n" + run);
            assertFalse(run.all().contains("one two"), "the key is not shown");
        }
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
    }

    @Test
    void badFormatIsUsageError() {
        CommandRun run = CommandRun.run(new ExportCommand(), env, "--output", "xml");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("xml"), run::toString);
        assertEquals(0, server.getAllServeEvents().size());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ExportCommandWireMockTest.class.getResourceAsStream("/export/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
