package dev.obskit.export;

import dev.obskit.cli.ExportCommand;
import dev.obskit.json.Jsons;
import dev.obskit.model.DestinationType;
import dev.obskit.sandbox.DemoAccount;
import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.testing.CommandRun;
import dev.obskit.testing.Leaks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** obs-export --sandbox in-process: the demo account, whole, in every format, nothing leaked. */
class ExportSandboxTest {
    @TempDir
    Path home;

    List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void allWorkspacesCsvJsonlAndJsonAgreeAndLeakNothing() throws Exception {
        Map<String, String> env = Map.of("OBSKIT_HOME", home.toString());
        CommandRun csvRun = CommandRun.run(new ExportCommand(), env, "--sandbox", "--all-workspaces");
        assertEquals(0, csvRun.exitCode(), csvRun::toString);
        List<CSVRecord> rows = csv(csvRun.out());
        assertEquals(44, rows.size());
        assertEquals(new TreeSet<>(DestinationType.names()), rows.stream().map(r -> r.get("type")).collect(Collectors.toCollection(TreeSet::new)));

        // sorted by workspace, then created_at, then id
        List<String> keys = rows.stream().map(r -> r.get("workspace_id") + "|" + r.get("created_at") + "|" + r.get("id")).toList();
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);

        CommandRun jsonl = CommandRun.run(new ExportCommand(), env, "--sandbox", "--all-workspaces", "--output", "jsonl");
        List<String> lines = jsonl.out().lines().toList();
        assertEquals(rows.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(rows.get(i).get("id"), Jsons.parseObject(lines.get(i)).getString("id"), "same order in every format");
        }
        CommandRun json = CommandRun.run(new ExportCommand(), env, "--sandbox", "--all-workspaces", "--output", "json");
        assertEquals(rows.size(), Jsons.parse(json.out()).asJsonArray().size());

        Set<String> secrets = DemoAccount.secretValues();
        for (CommandRun run : List.of(csvRun, jsonl, json)) Leaks.assertNoneIn("export output", run.all(), secrets);
        assertTrue(csvRun.out().contains("..."), "masked values are there, masked");
    }

    @Test
    void aWorkspaceBySlugAndTheDefaultOne() throws Exception {
        Map<String, String> env = Map.of("OBSKIT_HOME", home.toString());
        CommandRun byDefault = CommandRun.run(new ExportCommand(), env, "--sandbox");
        CommandRun bySlug = CommandRun.run(new ExportCommand(), env, "--sandbox", "--workspace", "production");
        assertEquals(0, bySlug.exitCode(), bySlug::toString);
        assertEquals(byDefault.out(), bySlug.out());
        assertEquals(26, csv(byDefault.out()).size());

        CommandRun two = CommandRun.run(new ExportCommand(), env, "--sandbox", "--workspace", "staging", "--workspace", "eu-customers");
        assertEquals(0, two.exitCode(), two::toString);
        assertEquals(2, csv(two.out()).stream().map(r -> r.get("workspace_id")).distinct().count());

        CommandRun unknown = CommandRun.run(new ExportCommand(), env, "--sandbox", "--workspace", "no-such-workspace");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("no-such-workspace"), unknown::toString);
        assertEquals("", unknown.out());
    }

    @Test
    void sandboxStatePersistsUnderObskitHome() throws Exception {
        Map<String, String> env = Map.of("OBSKIT_HOME", home.toString());
        CommandRun first = CommandRun.run(new ExportCommand(), env, "--sandbox");
        CommandRun second = CommandRun.run(new ExportCommand(), env, "--sandbox");
        assertEquals(first.out(), second.out(), "the same account on the second run, not a new seed");
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults(home))) {
            Leaks.assertNoneIn("export output", first.all(), Set.of(s.managementKey()));
        }
    }
}
