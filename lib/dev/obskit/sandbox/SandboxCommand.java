package dev.obskit.sandbox;

import dev.obskit.support.ObskitHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code obs-sandbox}: serve the local sandbox, or reset its saved state. */
@Command(name = "obs-sandbox", mixinStandardHelpOptions = true,
        description = "A local emulator of the OpenRouter observability destinations API, for trying obskit and rehearsing migrations.",
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Reset.class})
public final class SandboxCommand implements Callable<Integer> {
    /** Where OBSKIT_HOME is read from; tests point it at a temp dir. */
    Map<String, String> env = System.getenv();
    /** Counted down to stop a running {@code serve} (tests); Ctrl-C and SIGTERM stop it too. */
    final CountDownLatch stop = new CountDownLatch(1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SandboxCommand()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    Path home() {
        return ObskitHome.resolve(env);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Serve the sandbox on 127.0.0.1 until Ctrl-C. State persists under $OBSKIT_HOME/sandbox/.")
    static final class Serve implements Callable<Integer> {
        @ParentCommand SandboxCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", defaultValue = "0", paramLabel = "PORT", description = "TCP port (default: a free one).")
        int port;
        @Option(names = "--in-memory", description = "Keep nothing on disk: start from the demo account every time.")
        boolean inMemory;
        @Option(names = "--generate-workspaces", paramLabel = "N", description = "Serve a generated account of N workspaces (in memory).")
        Integer generateWorkspaces;
        @Option(names = "--generate-destinations", paramLabel = "M", description = "With --generate-workspaces: M destinations, at most 5 per type per workspace.")
        Integer generateDestinations;
        @Option(names = "--generate-seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of the generated account (default: ${DEFAULT-VALUE}).")
        long generateSeed;
        @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "MS", description = "Fixed delay added to every request.")
        long latencyMs;
        @Option(names = "--jitter-ms", defaultValue = "0", paramLabel = "MS", description = "Plus a random delay of up to this much.")
        long jitterMs;
        @Option(names = "--error-rate", defaultValue = "0", paramLabel = "RATE", description = "Share of requests answered with a 5xx (0..1).")
        double errorRate;
        @Option(names = "--error-status", defaultValue = "500", paramLabel = "STATUS", description = "The 5xx status used (default: ${DEFAULT-VALUE}).")
        int errorStatus;
        @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "RPS", description = "Answer 429 with Retry-After above RPS requests per second.")
        int rateLimit;
        @Option(names = "--drop-before-rate", defaultValue = "0", paramLabel = "RATE", description = "Share of requests whose connection is dropped before processing.")
        double dropBeforeRate;
        @Option(names = "--drop-after-create-rate", defaultValue = "0", paramLabel = "RATE", description = "Share of creates whose connection is dropped after the destination is stored.")
        double dropAfterCreateRate;
        @Option(names = "--fault-seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of the fault decisions, to replay a run (default: ${DEFAULT-VALUE}).")
        long faultSeed;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            SandboxOptions options;
            try {
                if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0 (any free port) to 65535, was " + port);
                if (generateWorkspaces != null && generateWorkspaces < 1) throw new IllegalArgumentException("--generate-workspaces must be at least 1");
                if (generateDestinations != null && generateDestinations < 0) throw new IllegalArgumentException("--generate-destinations must be 0 or more");
                options = options();
            } catch (IllegalArgumentException e) {
                throw new dev.obskit.cli.UsageException(e.getMessage());
            }
            Sandbox sandbox = Sandbox.start(options);
            Thread hook = new Thread(sandbox::close, "obs-sandbox-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (options.generated() != null) {
                    out.printf("obs-sandbox serving a generated account: %d workspaces, %d destinations (in memory)%n",
                            options.generated().workspaces(), options.generated().destinations());
                } else {
                    out.println("obs-sandbox serving the demo account"
                            + (options.persistent() ? " (state: " + options.stateFile() + ")" : " (in memory)"));
                }
                if (options.faults().any()) out.println("faults: " + options.faults().describe());
                out.println("base URL: " + sandbox.baseUrl());
                out.println("management key: " + sandbox.managementKey());
                out.println("export OPENROUTER_BASE_URL=" + sandbox.baseUrl() + " OPENROUTER_MANAGEMENT_KEY=" + sandbox.managementKey());
                out.println("Press Ctrl-C to stop.");
                out.flush();
                parent.stop.await();
            } finally {
                sandbox.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is exiting: the hook runs (close is idempotent)
                }
            }
            return 0;
        }

        SandboxOptions options() {
            Faults faults = Faults.builder().seed(faultSeed)
                    .latency(Duration.ofMillis(latencyMs), Duration.ofMillis(jitterMs))
                    .errorRate(errorRate).errorStatus(errorStatus).rateLimit(rateLimit)
                    .dropBeforeRate(dropBeforeRate).dropAfterCreateRate(dropAfterCreateRate).build();
            SandboxOptions o = SandboxOptions.defaults(parent.home()).withPort(port).withFaults(faults);
            if (inMemory) o = o.inMemory();
            if (generateWorkspaces != null || generateDestinations != null) {
                int w = generateWorkspaces == null ? 1 : generateWorkspaces;
                int d = generateDestinations == null ? 0 : generateDestinations;
                if (d > AccountGenerator.capacity(w, o.maxPerType())) {
                    throw new CommandLine.ParameterException(spec.commandLine(), d + " destinations do not fit in " + w
                            + " workspaces at 5 per type (at most " + AccountGenerator.capacity(w, o.maxPerType()) + ")");
                }
                o = o.withGenerated(w, d, generateSeed);
            }
            return o;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Delete the saved sandbox state; the next start seeds the demo account again.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand SandboxCommand parent;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path file = SandboxOptions.defaults(parent.home()).stateFile();
            try {
                if (Files.deleteIfExists(file)) {
                    spec.commandLine().getOut().println("removed " + file + "; the next start seeds the demo account");
                } else {
                    spec.commandLine().getOut().println("nothing to reset: no sandbox state at " + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file, e);
            }
            return 0;
        }
    }
}
