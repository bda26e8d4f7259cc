package dev.obskit.e2e;

import dev.obskit.json.Jsons;
import dev.obskit.model.DestinationType;
import dev.obskit.testing.Processes;
import dev.obskit.testing.Project;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the real {@code ./jbang} launcher the way the README tells a new user to, on a clean JBang
 * cache and a fresh {@code OBSKIT_HOME}: every alias answers {@code --help}, and the main job
 * exports the seeded demo account.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JBangLauncherTest {
    static final Duration TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    static Path jbangDir;

    static Path root;

    @BeforeAll
    static void setUp() {
        root = Project.root();
    }

    static Processes.Result jbang(Path obskitHome, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("jbang").toString()));
        cmd.addAll(List.of(args));
        return Processes.run(root, Map.of("JBANG_DIR", jbangDir.toString(), "OBSKIT_HOME", obskitHome.toString()),
                TIMEOUT, cmd);
    }

    @Test
    @Order(1)
    void exportOnTheSandboxPrintsEverySeededDestination(@TempDir Path home) throws Exception {
        Processes.Result run = jbang(home, "obs-export", "--sandbox");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(run.out())).getRecords();
        assertTrue(rows.size() >= 25, "at least 25 seeded destinations, got " + rows.size());
        Set<String> types = rows.stream().map(r -> r.get("type")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(DestinationType.names()), types, "all 17 types");
        assertTrue(run.out().startsWith("workspace_id,id,name,type,"), run::toString);

        Processes.Result jsonl = jbang(home, "obs-export", "--sandbox", "--output", "jsonl");
        assertEquals(0, jsonl.exitCode(), jsonl::toString);
        List<String> lines = jsonl.out().lines().toList();
        assertEquals(rows.size(), lines.size());
        for (String line : lines) {
            JsonObject o = Jsons.parseObject(line);
            assertTrue(o.containsKey("id") && o.containsKey("config"), line);
        }
        assertTrue(Files.isRegularFile(home.resolve("sandbox/state.json")), "sandbox state persisted under OBSKIT_HOME");
    }

    @Test
    @Order(2)
    void withoutKeyOrSandboxItExits4NamingTheVariable(@TempDir Path home) throws Exception {
        Processes.Result run = jbang(home, "obs-export");
        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().contains("OPENROUTER_MANAGEMENT_KEY"), run::toString);
        assertEquals("", run.out().strip());
    }

    @Test
    @Order(3)
    void everyAliasAnswersHelp(@TempDir Path home) throws Exception {
        JsonObject aliases = Jsons.parseObject(Files.readString(root.resolve("jbang-catalog.json"))).getJsonObject("aliases");
        for (String alias : aliases.keySet()) {
            if (alias.equals("obskit") || alias.equals("obs")) continue; // a library and a JShell session, not commands
            Processes.Result run = jbang(home, alias, "--help");
            assertEquals(0, run.exitCode(), () -> alias + ": " + run);
            assertTrue(run.out().contains("Usage: " + alias), () -> alias + ": " + run);
        }
    }

    @Test
    @Order(5)
    void worksFromOutsideTheCheckout(@TempDir Path home, @TempDir Path elsewhere) throws Exception {
        Processes.Result run = Processes.run(elsewhere, Map.of("JBANG_DIR", jbangDir.toString(), "OBSKIT_HOME", home.toString()),
                TIMEOUT, List.of(root.resolve("jbang").toString(), "obs-export", "--sandbox", "-q", "-o", "out.csv"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.readString(elsewhere.resolve("out.csv")).startsWith("workspace_id,id,"), "relative paths stay relative to the caller");
    }

    @Test
    @Order(4)
    void worksFromASubdirectoryOfTheCheckout(@TempDir Path home) throws Exception {
        Path sub = root.resolve("scripts");
        Processes.Result run = Processes.run(sub, Map.of("JBANG_DIR", jbangDir.toString(), "OBSKIT_HOME", home.toString()),
                TIMEOUT, List.of("../jbang", "obs-export", "--version"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("obskit "), run::toString);
        assertFalse(run.err().contains("Exception"), run::toString);
    }
}
