package dev.obskit.shell;

import dev.obskit.api.Clients;
import dev.obskit.api.ObsClient;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code obs FILE.jsh} in-process: snippets see the live client, and a failing snippet fails the run, naming its line. */
class ShellCommandTest {
    @TempDir
    Path home;

    @TempDir
    Path dir;

    record Outcome(CommandRun run, String stdout) {}

    Outcome obs(String script, String... extra) throws Exception {
        Path file = dir.resolve("t.jsh");
        Files.writeString(file, script);
        String[] args = new String[2 + extra.length];
        args[0] = "--sandbox";
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8)); // snippets print to System.out itself
        try {
            CommandRun run = CommandRun.run(new ShellCommand(), Map.of("OBSKIT_HOME", home.toString()), args);
            return new Outcome(run, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void snippetsUseTheSessionClientAndArgs() throws Exception {
        Outcome o = obs("""
                // comments are fine
                long n = client.allDestinations().count();
                System.out.println(n + " " + client.workspaces().count() + " " + args[0] + " " + args.length);
                /exit
                System.out.println("not reached");
                """, "hello");
        assertEquals(0, o.run().exitCode(), o.run()::toString);
        long expected;
        try (ObsClient c = Clients.sandbox(SandboxOptions.ephemeral())) {
            expected = c.workspaces().mapToLong(w -> c.destinations(w.id()).count()).sum();
        }
        assertTrue(expected > 0);
        assertEquals(expected + " 4 hello 1", o.stdout().strip());
        assertThrows(IllegalStateException.class, Session::client, "the session is closed after the run");
    }

    @Test
    void aSnippetThatDoesNotCompileExits1NamingItsLine() throws Exception {
        Outcome o = obs("int a = 1;\n\n// next one is wrong\nString s = 5;\nSystem.out.println(\"not reached\");\n");
        assertEquals(1, o.run().exitCode(), o.run()::toString);
        assertTrue(o.run().err().contains("t.jsh:4: incompatible types"), o.run()::toString);
        assertEquals("", o.stdout());
    }

    @Test
    void aSnippetThatThrowsExits1WithTheException() throws Exception {
        Outcome o = obs("System.out.println(\"before\");\nclient.getDestination(\"no-such-id\");\nSystem.out.println(\"after\");\n");
        assertEquals(1, o.run().exitCode(), o.run()::toString);
        assertTrue(o.run().err().contains("t.jsh:2: dev.obskit.api.ApiException$NotFoundException"), o.run()::toString);
        assertEquals("before", o.stdout().strip());
    }

    @Test
    void anUndefinedNameFailsInsteadOfBeingSkipped() throws Exception {
        Outcome o = obs("void show() { System.out.println(undefinedThing); }\nshow();\n");
        assertEquals(1, o.run().exitCode(), o.run()::toString);
        assertFalse(o.run().err().isBlank(), o.run()::toString);
    }

    @Test
    void aMissingFileIsBadUsage() throws Exception {
        CommandRun run = CommandRun.run(new ShellCommand(), Map.of("OBSKIT_HOME", home.toString()), "--sandbox", dir.resolve("nope.jsh").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nope.jsh: no such file"), run::toString);
    }
}
