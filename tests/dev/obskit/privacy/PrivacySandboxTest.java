package dev.obskit.privacy;

import dev.obskit.api.ObsClient;
import dev.obskit.cli.PrivacyCommand;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.sandbox.Faults;
import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.testing.CommandRun;
import dev.obskit.testing.JobMain;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** obs-privacy against the sandbox: faults, a killed process, reruns. */
class PrivacySandboxTest {
    @TempDir
    Path home;

    Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    Map<String, String> env() {
        return Map.of("OPENROUTER_BASE_URL", sandbox.baseUrl(), "OPENROUTER_MANAGEMENT_KEY", sandbox.managementKey(),
                "OBSKIT_HOME", home.toString());
    }

    ObsClient client() {
        return ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.managementKey()).warnings(w -> { }).build();
    }

    /** Every destination of every workspace, by id. */
    Map<String, Destination> everything() {
        try (ObsClient c = client()) {
            return c.workspaces().flatMap(w -> c.destinations(w.id()))
                    .collect(Collectors.toMap(Destination::id, Function.identity()));
        }
    }

    /** Writes {@code count} ids of destinations with privacy off to a file, for --ids-from. */
    Path pickPrivacyOff(Map<String, Destination> all, int count) throws Exception {
        List<String> ids = all.values().stream().filter(d -> !d.privacyMode()).map(Destination::id).sorted().limit(count).toList();
        assertEquals(count, ids.size(), "the generated account has enough destinations with privacy off");
        Path file = home.resolve("ids.txt");
        Files.writeString(file, "# selected for the test\n" + String.join("\n", ids) + "\n");
        return file;
    }

    @Test
    void twoHundredItemsThroughFaultsEndInTheDesiredState() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(12, 600, 7));
        Map<String, Destination> before = everything();
        Path ids = pickPrivacyOff(before, 200);
        Set<String> selected = Set.copyOf(Files.readAllLines(ids).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
        sandbox.faults(Faults.builder().seed(11).errorRate(0.05).dropBeforeRate(0.02).rateLimit(400).build());

        Path report = home.resolve("report.json");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env(), "--all-workspaces", "--on", "--ids-from", ids.toString(),
                "--apply", "--concurrency", "8", "--report", report.toString());
        sandbox.faults(Faults.none());

        assertEquals(0, run.exitCode(), run::toString);
        JsonObject summary = Jsons.parseObject(Files.readString(report)).getJsonObject("summary");
        assertEquals(200, summary.getInt("matched"));
        assertEquals(200, summary.getInt("planned"));
        assertEquals(200, summary.getInt("done"));
        assertEquals(0, summary.getInt("failed"));
        assertEquals(200, Jsons.parseObject(Files.readString(report)).getJsonArray("items").size());

        Map<String, Destination> after = everything();
        assertEquals(before.keySet(), after.keySet());
        for (Destination b : before.values()) {
            Destination a = after.get(b.id());
            if (selected.contains(b.id())) {
                assertTrue(a.privacyMode(), b.id());
                assertEquals(Jsons.without(Jsons.without(b.toJson(), "privacy_mode"), "updated_at"),
                        Jsons.without(Jsons.without(a.toJson(), "privacy_mode"), "updated_at"), "only privacy_mode changed");
            } else {
                assertEquals(b.toJson(), a.toJson(), "untouched: " + b.id());
            }
        }
        long patches = sandbox.requestLog().stream().filter(r -> r.method().equals("PATCH")).count();
        assertTrue(patches >= 200, "faults make the client retry: " + patches);

        // a second run finds nothing to do and sends no PATCH
        sandbox.requestLog().clear();
        CommandRun again = CommandRun.run(new PrivacyCommand(), env(), "--all-workspaces", "--on", "--ids-from", ids.toString(), "--apply");
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.err().contains("0 of 200 selected destination(s) need a change"), again::toString);
        assertEquals(0, sandbox.requestLog().stream().filter(r -> r.method().equals("PATCH")).count());
    }

    @Test
    void aKilledRunResumesWithoutResendingJournalledItems() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(4, 200, 3));
        Map<String, Destination> before = everything();
        Path ids = pickPrivacyOff(before, 80);
        Set<String> selected = Set.copyOf(Files.readAllLines(ids).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList());
        sandbox.faults(Faults.builder().seed(5).latency(Duration.ofMillis(40), Duration.ZERO).build());

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobMain.class.getName(),
                "obs-privacy", "--all-workspaces", "--on", "--ids-from", ids.toString(), "--apply", "--concurrency", "2", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env());
        Process child = pb.start();
        Path journal = waitForJournal(child, 20);
        child.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no goodbye

        List<String> recordedBeforeKill = Files.readAllLines(journal).stream().filter(l -> l.endsWith("}"))
                .map(l -> Jsons.parseObject(l).getString("key")).toList();
        assertTrue(recordedBeforeKill.size() >= 20 && recordedBeforeKill.size() < 80, "killed mid-way: " + recordedBeforeKill.size());
        String runId = journal.getParent().getFileName().toString();

        sandbox.faults(Faults.none());
        CommandRun resumed = CommandRun.run(new PrivacyCommand(), env(), "--resume", runId);
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.err().contains("already done"), resumed::toString);

        Map<String, Long> patchesPerId = sandbox.requestLog().stream().filter(r -> r.method().equals("PATCH"))
                .collect(Collectors.groupingBy(r -> r.path().substring(r.path().lastIndexOf('/') + 1), Collectors.counting()));
        for (String id : recordedBeforeKill) assertEquals(1L, patchesPerId.get(id), "journalled before the kill, sent once: " + id);
        assertEquals(selected, patchesPerId.keySet(), "every selected item was sent, nothing else");

        Map<String, Destination> after = everything();
        for (Destination b : before.values()) {
            assertEquals(selected.contains(b.id()) || b.privacyMode(), after.get(b.id()).privacyMode(), b.id());
        }
        JsonObject report = Jsons.parseObject(Files.readString(journal.getParent().resolve("report.json")));
        assertEquals(80, report.getJsonObject("summary").getInt("planned"));
        assertEquals(recordedBeforeKill.size(), report.getJsonObject("summary").getInt("done_in_earlier_attempt"));
        assertEquals(80 - recordedBeforeKill.size(), report.getJsonObject("summary").getInt("done"));
    }

    /** Waits until the child's journal has at least {@code lines} lines, and returns it. */
    Path waitForJournal(Process child, int lines) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), () -> "the job ended before it could be killed: " + readQuietly(home.resolve("child.log")));
            Path runs = home.resolve("runs");
            if (Files.isDirectory(runs)) {
                try (Stream<Path> dirs = Files.list(runs)) {
                    for (Path dir : dirs.toList()) {
                        Path journal = dir.resolve("journal.jsonl");
                        if (Files.exists(journal) && Files.readAllLines(journal).size() >= lines) return journal;
                    }
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no journal progress within 60 s");
    }

    static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void noSecretReachesOutputReportOrRunFiles() throws Exception {
        Map<String, String> env = Map.of("OBSKIT_HOME", home.toString());
        Path report = home.resolve("report.json");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--sandbox", "--all-workspaces", "--on", "--apply",
                "--report", report.toString(), "--output", "json");
        assertEquals(0, run.exitCode(), run::toString);
        Set<String> secrets = new java.util.HashSet<>(dev.obskit.sandbox.DemoAccount.secretValues());
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults(home))) {
            secrets.add(s.managementKey());
            assertTrue(s.state().liveDestinations().stream().allMatch(d -> d.privacyMode()), "every destination is private now");
        }
        dev.obskit.testing.Leaks.assertNoneIn("obs-privacy output", run.all(), secrets);
        // the sandbox's own state file holds the real secrets (owner-only); nothing else may
        dev.obskit.testing.Leaks.assertNoneInFiles(home, home.resolve("sandbox"), secrets);
    }

    @Test
    void throttlingAloneSlowsARunDownButFailsNoItem() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(3, 120, 21));
        sandbox.faults(Faults.builder().seed(2).rateLimit(40).build());
        Path report = home.resolve("report.json");
        CommandRun run = CommandRun.run(new PrivacyCommand(), env(), "--all-workspaces", "--on", "--apply",
                "--concurrency", "64", "--report", report.toString());
        sandbox.faults(Faults.none());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("429"), "the server did throttle: " + run.err().lines().limit(3).toList());
        assertEquals(0, Jsons.parseObject(Files.readString(report)).getJsonObject("summary").getInt("failed"));
        assertTrue(everything().values().stream().allMatch(Destination::privacyMode));
    }

    @Test
    void aSelectionThatMatchesNothingExits0AndSaysSo() {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        CommandRun run = CommandRun.run(new PrivacyCommand(), env(), "--all-workspaces", "--on", "--name", "no-such-destination-*", "--apply");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("No destination matches"), run::toString);
        assertEquals(0, sandbox.requestLog().stream().filter(r -> !r.method().equals("GET")).count());
        assertFalse(Files.exists(home.resolve("runs")), "no run is recorded when there is nothing to do");
    }

    @Test
    void runFolderIsOwnerOnlyAndHoldsBackupJournalAndReport() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.ephemeral());
        CommandRun run = CommandRun.run(new PrivacyCommand(), env(), "--all-workspaces", "--on", "--type", "langfuse", "--apply");
        assertEquals(0, run.exitCode(), run::toString);
        Path runDir;
        try (Stream<Path> dirs = Files.list(home.resolve("runs"))) {
            runDir = dirs.findFirst().orElseThrow();
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)));
        for (String f : List.of("run.json", "plan.json", "backup.jsonl", "journal.jsonl", "report.json")) {
            Path p = runDir.resolve(f);
            assertTrue(Files.exists(p), f);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), f);
        }
        Map<String, Long> backupTypes = Files.readAllLines(runDir.resolve("backup.jsonl")).stream()
                .map(l -> Jsons.parseObject(l).getString("type")).collect(Collectors.groupingBy(t -> t, HashMap::new, Collectors.counting()));
        assertEquals(Set.of("langfuse"), backupTypes.keySet());
    }
}
