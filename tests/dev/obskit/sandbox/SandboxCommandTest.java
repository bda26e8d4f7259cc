package dev.obskit.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** obs-sandbox serve and reset, in-process with OBSKIT_HOME pointed at a temp dir. */
class SandboxCommandTest {
    @TempDir
    Path home;

    /** A synchronised writer: serve prints from another thread. */
    static final class Captured {
        final StringWriter text = new StringWriter();
        final PrintWriter writer = new PrintWriter(text, true);

        synchronized String get() {
            return text.toString();
        }
    }

    SandboxCommand command() {
        SandboxCommand c = new SandboxCommand();
        c.env = Map.of("OBSKIT_HOME", home.toString());
        return c;
    }

    @Test
    void servePrintsTheUrlTheKeyAndAnExportLineThenServesUntilStopped() throws Exception {
        SandboxCommand c = command();
        Captured out = new Captured();
        CommandLine cl = new CommandLine(c).setOut(out.writer);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("serve", "--port", "0"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!out.get().contains("Press Ctrl-C") && System.currentTimeMillis() < deadline) Thread.sleep(10);
        String text = out.get();
        Matcher url = Pattern.compile("base URL: (http://127\\.0\\.0\\.1:\\d+/api/v1)").matcher(text);
        Matcher key = Pattern.compile("management key: (sk-or-mgmt-sandbox-[0-9a-f]+)").matcher(text);
        assertTrue(url.find(), text);
        assertTrue(key.find(), text);
        assertTrue(text.contains("export OPENROUTER_BASE_URL=" + url.group(1) + " OPENROUTER_MANAGEMENT_KEY=" + key.group(1)), text);
        assertTrue(text.contains(home.resolve("sandbox/state.json").toString()), text);
        Http.Response r = new Http(url.group(1)).get("/observability/destinations?limit=1", key.group(1));
        assertEquals(200, r.status());
        c.stop.countDown();
        assertEquals(0, exit.get());
        assertTrue(Files.isRegularFile(home.resolve("sandbox/state.json")));
    }

    @Test
    void serveOffersFaultAndGeneratorOptions() {
        SandboxCommand c = command();
        CommandLine cl = new CommandLine(c);
        CommandLine.ParseResult parsed = cl.parseArgs("serve", "--port", "4567", "--latency-ms", "20", "--jitter-ms", "5",
                "--error-rate", "0.1", "--rate-limit", "50", "--drop-before-rate", "0.02", "--drop-after-create-rate", "0.03",
                "--fault-seed", "42", "--generate-workspaces", "3", "--generate-destinations", "100");
        SandboxCommand.Serve serve = (SandboxCommand.Serve) parsed.subcommand().commandSpec().userObject();
        SandboxOptions o = serve.options();
        assertEquals(4567, o.port());
        assertEquals(Faults.builder().seed(42).latency(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(5))
                .errorRate(0.1).rateLimit(50).dropBeforeRate(0.02).dropAfterCreateRate(0.03).build(), o.faults());
        assertEquals(new SandboxOptions.Generated(3, 100, 1), o.generated());
        assertFalse(o.persistent(), "generated accounts never overwrite the saved demo state");
    }

    @Test
    void tooManyGeneratedDestinationsIsABadUsage() {
        Captured err = new Captured();
        int exit = new CommandLine(command()).setErr(err.writer).execute("serve", "--generate-workspaces", "1", "--generate-destinations", "86");
        assertEquals(2, exit);
        assertTrue(err.get().contains("at most 85"), err.get());
    }

    @Test
    void resetDeletesTheStateSoTheNextStartSeedsAgain() throws Exception {
        String firstKey;
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults(home))) {
            firstKey = s.managementKey();
        }
        Captured out = new Captured();
        assertEquals(0, new CommandLine(command()).setOut(out.writer).execute("reset"));
        assertEquals("removed " + home.resolve("sandbox/state.json") + "; the next start seeds the demo account\n", out.get());
        assertFalse(Files.exists(home.resolve("sandbox/state.json")));
        try (Sandbox s = Sandbox.start(SandboxOptions.defaults(home))) {
            assertFalse(s.managementKey().equals(firstKey), "a fresh state has fresh keys");
        }
        Captured again = new Captured();
        new CommandLine(command()).setOut(again.writer).execute("reset");
        Captured third = new Captured();
        new CommandLine(command()).setOut(third.writer).execute("reset");
        assertTrue(third.get().startsWith("nothing to reset"), third.get());
    }

    @Test
    void noSubcommandPrintsUsageAndExits2() {
        Captured err = new Captured();
        assertEquals(2, new CommandLine(command()).setErr(err.writer).execute());
        assertTrue(err.get().contains("serve") && err.get().contains("reset"), err.get());
    }
}
