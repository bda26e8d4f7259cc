package dev.obskit.privacy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.obskit.cli.PrivacyCommand;
import dev.obskit.json.Jsons;
import dev.obskit.testing.CommandRun;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exact requests obs-privacy sends, checked on the wire. */
class PrivacyCommandWireMockTest {
    static final String KEY = "sk-or-mgmt-privacy-test-0123456789";
    static final String WS = "11111111-1111-4111-8111-111111111111";

    WireMockServer server;
    Map<String, String> env;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        String list = "{\"data\":[" + dest("aaaaaaaa-0000-4000-8000-000000000001", false, "Langfuse prod")
                + "," + dest("aaaaaaaa-0000-4000-8000-000000000002", true, "Already private")
                + "," + dest("aaaaaaaa-0000-4000-8000-000000000003", false, "Staging hook") + "],\"total_count\":3}";
        server.stubFor(get(urlPathEqualTo("/api/v1/observability/destinations"))
                .willReturn(aResponse().withStatus(200).withBody(list)));
        server.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(200)
                .withBody("{\"data\":{\"label\":\"mgmt\",\"is_management_key\":true,\"is_provisioning_key\":true}}")));
        server.stubFor(patch(urlPathMatching("/api/v1/observability/destinations/.*"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":" + dest("aaaaaaaa-0000-4000-8000-000000000001", true, "x") + "}")));
        env = Map.of("OPENROUTER_BASE_URL", server.baseUrl() + "/api/v1", "OPENROUTER_MANAGEMENT_KEY", KEY,
                "OBSKIT_HOME", home.toString());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String dest(String id, boolean privacy, String name) {
        return "{\"id\":\"" + id + "\",\"workspace_id\":\"" + WS + "\",\"name\":\"" + name + "\",\"type\":\"langfuse\","
                + "\"enabled\":true,\"privacy_mode\":" + privacy + ",\"broadcast_generation_cost\":false,"
                + "\"broadcast_generation_identity\":false,\"broadcast_generation_request_context\":false,"
                + "\"sampling_rate\":1,\"regions\":[\"global\"],\"api_key_hashes\":[\"h1\"],"
                + "\"filter_rules\":{\"enabled\":true,\"groups\":[]},"
                + "\"config\":{\"baseUrl\":\"https://us.cloud.langfuse.com\",\"publicKey\":\"pk-l...EfGh\",\"secretKey\":\"sk-l...AbCd\"},"
                + "\"created_at\":\"2026-01-0" + id.charAt(id.length() - 1) + "T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"}";
    }

    @Test
    void planSendsNothingAndSaysHowToApply() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("aaaaaaaa-0000-4000-8000-000000000001"), run::toString);
        assertTrue(run.out().contains("aaaaaaaa-0000-4000-8000-000000000003"), run::toString);
        assertFalse(run.out().contains("aaaaaaaa-0000-4000-8000-000000000002"), "already private: not in the plan");
        assertTrue(run.err().contains("--apply"), run::toString);
        server.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void applySendsExactlyPrivacyModeAndNothingElse() throws Exception {
        Path report = home.resolve("report.json");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<LoggedRequest> patches = server.findAll(patchRequestedFor(anyUrl()));
        assertEquals(2, patches.size());
        for (LoggedRequest p : patches) {
            assertEquals("{\"privacy_mode\":true}", p.getBodyAsString());
            assertEquals("application/json; charset=UTF-8", p.getHeader("Content-Type"));
        }
        assertEquals(List.of("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000001",
                        "/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003"),
                patches.stream().map(LoggedRequest::getUrl).sorted().toList());
        JsonObject r = Jsons.parseObject(Files.readString(report));
        assertEquals(2, r.getJsonObject("summary").getInt("done"));
        assertEquals(0, r.getJsonObject("summary").getInt("failed"));
        assertEquals(3, r.getJsonObject("summary").getInt("matched"));
        assertFalse(run.all().contains(KEY) || Files.readString(report).contains(KEY));
    }

    @Test
    void offSendsFalse() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--off", "--apply", "--id", "aaaaaaaa-0000-4000-8000-000000000002");
        assertEquals(0, run.exitCode(), run::toString);
        server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000002"))
                .withRequestBody(equalTo("{\"privacy_mode\":false}")));
        server.verify(1, patchRequestedFor(anyUrl()));
    }

    @Test
    void checkExits5WhenPendingAnd0WhenNot() {
        assertEquals(5, CommandRun.run(new PrivacyCommand(), env, "--on", "--check").exitCode());
        assertEquals(0, CommandRun.run(new PrivacyCommand(), env, "--on", "--check", "--privacy", "on").exitCode());
        server.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void wrongFlagValuesExit2AndSendNothing() {
        for (String[] args : List.of(
                new String[] {"--on", "--apply", "--enabled", "maybe"},
                new String[] {"--on", "--apply", "--privacy", "sometimes"},
                new String[] {"--on", "--apply", "--type", "splunk"},
                new String[] {"--on", "--apply", "--concurrency", "0"},
                new String[] {"--on", "--off", "--apply"},
                new String[] {"--apply"},
                new String[] {"--on", "--apply", "--ids-from", home.resolve("missing.txt").toString()})) {
            CommandRun run = CommandRun.run(new PrivacyCommand(), env, args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
            assertTrue(run.err().contains("ERROR") || run.err().contains("Error") || run.err().contains("Invalid")
                    || run.err().contains("mutually exclusive"), run::toString);
        }
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
    }

    @Test
    void oneRejectedItemIsAPartialFailureExit3ThatResumeRetries() throws Exception {
        server.stubFor(patch(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":{\"code\":400,\"message\":\"Privacy settings invalid\"}}")));
        Path report = home.resolve("report.json");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--report", report.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("FAILED update aaaaaaaa-0000-4000-8000-000000000003: HTTP 400: Privacy settings invalid"), run::toString);
        JsonObject r = Jsons.parseObject(Files.readString(report));
        assertEquals(1, r.getJsonObject("summary").getInt("done"));
        assertEquals(1, r.getJsonObject("summary").getInt("failed"));
        JsonObject failed = r.getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("status").equals("failed")).findFirst().orElseThrow();
        assertEquals(400, failed.getInt("http_status"));
        assertEquals("aaaaaaaa-0000-4000-8000-000000000003", failed.getString("id"));
        server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003")));

        // the server is fixed; --resume sends only the failed item again
        server.stubFor(patch(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003"))
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":" + dest("aaaaaaaa-0000-4000-8000-000000000003", true, "x") + "}")));
        String runId = r.getString("run_id");
        CommandRun resumed = CommandRun.run(new PrivacyCommand(), env, "--resume", runId);
        assertEquals(0, resumed.exitCode(), resumed::toString);
        server.verify(2, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003")));
        server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000001")));
    }

    @Test
    void aKeyRevokedMidRunStopsTheRunWithExit4() {
        server.stubFor(patch(urlPathMatching("/api/v1/observability/destinations/.*"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":401,\"message\":\"Invalid credentials\"}}")));
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--concurrency", "1");
        assertEquals(4, run.exitCode(), run::toString);
        server.verify(1, patchRequestedFor(anyUrl()));
        assertTrue(run.out().contains("not attempted"), run::toString);
        assertFalse(run.all().contains(KEY));
    }

    @Test
    void idsNotInScopeStopTheRunNamingThem() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply",
                "--id", "aaaaaaaa-0000-4000-8000-000000000001", "--id", "ffffffff-0000-4000-8000-00000000dead");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("1 of the 2 ids asked for are not in the workspaces in scope: ffffffff-0000-4000-8000-00000000dead"), run::toString);
        server.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void aBadOptionValueIsOneErrorLineAndAPointerToHelp() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--enabled", "maybe");
        assertEquals(2, run.exitCode(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run::toString);
        assertTrue(lines.get(0).startsWith("ERROR: Invalid value for option '--enabled'"), run::toString);
        assertEquals("Try 'obs-privacy --help' for more information.", lines.get(1));
    }

    /** Runs --apply with one failing item, so the run can be resumed; returns its id. */
    String aRunWithOneFailure() throws Exception {
        server.stubFor(patch(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003"))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"code\":503,\"message\":\"down\"}}")));
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--output", "json");
        assertEquals(3, run.exitCode(), run::toString);
        server.resetRequests();
        return Jsons.parseObject(run.out()).getString("run_id");
    }

    @Test
    void resumeRefusesANewModeOrSelection() throws Exception {
        String runId = aRunWithOneFailure();
        for (String[] extra : List.of(new String[] {"--off"}, new String[] {"--type", "langfuse"}, new String[] {"--all-workspaces"},
                new String[] {"--ids-from", "/nonexistent"})) {
            List<String> args = new java.util.ArrayList<>(List.of("--resume", runId));
            args.addAll(List.of(extra));
            CommandRun run = CommandRun.run(new PrivacyCommand(), env, args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), () -> args + "\n" + run);
            assertTrue(run.err().contains("--resume finishes a run as it was planned; drop " + extra[0]), run::toString);
        }
        assertEquals(0, server.getAllServeEvents().size(), "nothing was sent");
    }

    @Test
    void anEditedPlanFileCannotMakeAResumeSendAnythingElse() throws Exception {
        String runId = aRunWithOneFailure();
        Path plan = home.resolve("runs").resolve(runId).resolve("plan.json");
        String original = Files.readString(plan);
        assertFalse(original.contains("body"), "request bodies are not stored");
        for (String edited : List.of(
                original.replace("\"action\":\"update\"", "\"action\":\"delete\""),
                original.replace("\"field\":\"privacy_mode\"", "\"field\":\"name\""),
                original.replace("\"after\":\"true\"", "\"after\":\"HACKED\""))) {
            Files.writeString(plan, edited);
            CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--resume", runId);
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("plan.json holds a change obs-privacy does not make"), run::toString);
        }
        assertEquals(0, server.getAllServeEvents().stream().filter(e -> !e.getRequest().getMethod().isOneOf(
                com.github.tomakehurst.wiremock.http.RequestMethod.GET)).count(), "nothing but reads was sent");
    }

    @Test
    void resumeTakesARunIdNotAPath() throws Exception {
        String runId = aRunWithOneFailure();
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--resume", home.resolve("runs").resolve(runId).toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("not a run id"), run::toString);
    }

    @Test
    void resumingAnUnknownRunIsUsageError() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--resume", "no-such-run");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no-such-run"), run::toString);
        server.verify(0, patchRequestedFor(anyUrl()));
    }

    @Test
    void jsonPlanListsEachChangeWithBeforeAndAfter() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--output", "json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonObject plan = Jsons.parseObject(run.out());
        assertEquals(3, plan.getInt("matched"));
        assertEquals(2, plan.getInt("pending"));
        JsonObject first = plan.getJsonArray("changes").getJsonObject(0);
        assertEquals("update", first.getString("action"));
        assertEquals("aaaaaaaa-0000-4000-8000-000000000001", first.getString("id"));
        assertEquals("{\"field\":\"privacy_mode\",\"before\":\"false\",\"after\":\"true\"}",
                Jsons.write(first.getJsonArray("changes").getJsonObject(0)));
        assertFalse(run.out().contains("body"), "request bodies are not part of the printed plan");
    }

    @Test
    void aReportPathThatCannotBeWrittenStopsTheRunBeforeAnyRequest() {
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--report", home.toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--report " + home + ": not a regular file"), run::toString);
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void idsFromACsvWithAByteOrderMark() throws Exception {
        Path csv = home.resolve("bom.csv");
        Files.writeString(csv, "\uFEFFid\r\naaaaaaaa-0000-4000-8000-000000000003\r\n");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--ids-from", csv.toString());
        assertEquals(0, run.exitCode(), run::toString);
        server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003")));
    }

    @Test
    void idsFromAnExportedCsvSelectsThoseIds() throws Exception {
        Path csv = home.resolve("ids.csv");
        Files.writeString(csv, "workspace_id,id,name\r\n" + WS + ",aaaaaaaa-0000-4000-8000-000000000003,Staging hook\r\n");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--on", "--apply", "--ids-from", csv.toString());
        assertEquals(0, run.exitCode(), run::toString);
        server.verify(1, patchRequestedFor(anyUrl()));
        server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/observability/destinations/aaaaaaaa-0000-4000-8000-000000000003")));
    }
}
