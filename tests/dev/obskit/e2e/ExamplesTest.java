package dev.obskit.e2e;

import dev.obskit.api.Clients;
import dev.obskit.api.ObsClient;
import dev.obskit.model.Destination;
import dev.obskit.model.Workspace;
import dev.obskit.sandbox.DemoAccount;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.testing.Processes;
import dev.obskit.testing.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every {@code examples/*.jsh} through the real {@code ./jbang obs --sandbox FILE}, on a fresh
 * JBang cache and a fresh {@code OBSKIT_HOME}, and checks each answer against what the library
 * computes on the same (deterministic) demo account. Also drives the interactive session from stdin.
 */
@Tag("e2e")
class ExamplesTest {
    static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path jbangDir;

    static Path root;
    static List<Workspace> workspaces;
    static List<Destination> demo;

    @BeforeAll
    static void setUp() {
        root = Project.root();
        try (ObsClient client = Clients.sandbox(SandboxOptions.ephemeral())) {
            workspaces = client.workspaces().toList();
            demo = client.allDestinations().toList();
        }
    }

    static Processes.Result obs(Path home, String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("jbang").toString(), "obs", "--sandbox"));
        cmd.addAll(List.of(args));
        Processes.Result run = Processes.run(root, Map.of("JBANG_DIR", jbangDir.toString(), "OBSKIT_HOME", home.toString()),
                TIMEOUT, cmd, input);
        for (String secret : DemoAccount.secretValues()) {
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "a secret in clear");
        }
        return run;
    }

    static List<String> rows(Processes.Result run) {
        assertEquals(0, run.exitCode(), run::toString);
        return run.out().lines().filter(l -> !l.isBlank()).toList();
    }

    static Set<String> firstColumn(List<String> rows) {
        return rows.stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> ids(Stream<Destination> ds) {
        return ds.map(Destination::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyExampleIsCoveredHere() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("examples"))) {
            Set<String> jsh = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsh")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(List.of("disabled.jsh", "per-type-per-workspace.jsh", "secrets-by-suffix.jsh", "without-privacy-mode.jsh")), jsh,
                    "a new example needs a test here");
        }
    }

    @Test
    void perTypePerWorkspace(@TempDir Path home) throws Exception {
        Map<String, Long> expected = new TreeMap<>();
        for (Workspace w : workspaces) {
            demo.stream().filter(d -> d.workspaceId().equals(w.id())).forEach(d -> expected.merge(w.slug() + " " + d.type(), 1L, Long::sum));
        }
        Map<String, Long> actual = new TreeMap<>();
        for (String row : rows(obs(home, null, "examples/per-type-per-workspace.jsh"))) {
            String[] f = row.trim().split("\\s+");
            assertEquals(3, f.length, row);
            actual.put(f[0] + " " + f[1], Long.parseLong(f[2]));
        }
        assertEquals(expected, actual);
    }

    @Test
    void withoutPrivacyMode(@TempDir Path home) throws Exception {
        Set<String> expected = ids(demo.stream().filter(d -> !d.privacyMode()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, firstColumn(rows(obs(home, null, "examples/without-privacy-mode.jsh"))));
    }

    @Test
    void disabled(@TempDir Path home) throws Exception {
        Set<String> expected = ids(demo.stream().filter(d -> !d.enabled()));
        assertFalse(expected.isEmpty());
        assertEquals(expected, firstColumn(rows(obs(home, null, "examples/disabled.jsh"))));
    }

    @Test
    void secretsBySuffix(@TempDir Path home) throws Exception {
        String masked = demo.get(0).secrets().values().iterator().next();
        String suffix = masked.substring(masked.length() - 4);
        List<String> expected = new ArrayList<>();
        demo.forEach(d -> d.secrets().forEach((k, v) -> { if (v.endsWith(suffix)) expected.add(d.id() + " " + k); }));
        assertFalse(expected.isEmpty());
        List<String> actual = rows(obs(home, null, "examples/secrets-by-suffix.jsh", suffix)).stream()
                .map(l -> { String[] f = l.trim().split("\\s+"); return f[0] + " " + f[f.length - 1]; }).toList();
        assertEquals(expected, actual);

        Processes.Result noSuffix = obs(home, null, "examples/secrets-by-suffix.jsh");
        assertEquals(1, noSuffix.exitCode(), noSuffix::toString);
        assertTrue(noSuffix.err().contains("secrets-by-suffix.jsh:4: java.lang.IllegalArgumentException"), noSuffix::toString);
    }

    @Test
    void theInteractiveSessionHasTheClientAndEndsAtEndOfInput(@TempDir Path home) throws Exception {
        Processes.Result run = obs(home, "client.allDestinations().count()\nclient.workspaces().map(Workspace::slug).toList()\n");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("==> " + demo.size()), run::toString);
        assertTrue(run.out().contains("==> " + workspaces.stream().map(Workspace::slug).toList()), run::toString);
        assertTrue(run.err().contains("connected to the local sandbox"), run::toString);
    }
}
