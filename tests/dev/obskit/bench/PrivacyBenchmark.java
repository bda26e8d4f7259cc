package dev.obskit.bench;

import dev.obskit.cli.PrivacyCommand;
import dev.obskit.sandbox.Faults;
import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.testing.CommandRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * obs-privacy --on --apply over 1,000 destinations in 20 workspaces, 50 ms server latency, at
 * concurrency 16 (median of three runs) and 1. Times the job only: in-process, after a warm-up
 * run, from the command's start (key check, listing, planning, backup, journal) to its exit. The
 * ideal is requests x 50 ms / 16, with every request counted by the sandbox. Run with {@code tools/bench PrivacyBenchmark}.
 */
public final class PrivacyBenchmark {
    static final Duration LATENCY = Duration.ofMillis(50);

    public static void main(String[] args) throws Exception {
        warmUp();
        List<Result> runs16 = new ArrayList<>();
        for (int i = 0; i < 3; i++) runs16.add(run(16));
        runs16.sort(Comparator.comparingDouble(Result::seconds));
        Result c16 = runs16.get(1); // the median of three
        Result c1 = run(1);
        double ideal16 = c16.requests * LATENCY.toMillis() / 16.0 / 1000.0;
        System.out.printf("obs-privacy --on --apply, 1000 destinations / 20 workspaces, %d ms latency%n", LATENCY.toMillis());
        System.out.printf("concurrency 16: %.2f s wall (median of %.2f, %.2f, %.2f), %d requests (%d PATCH)%n", c16.seconds,
                runs16.get(0).seconds, runs16.get(1).seconds, runs16.get(2).seconds, c16.requests, c16.patches);
        System.out.printf("concurrency  1: %.2f s wall, %d requests (%d PATCH)%n", c1.seconds, c1.requests, c1.patches);
        System.out.printf("ideal at 16: %.2f s (requests x 50 ms / 16); ratio to ideal: %.2fx (goal <= 1.25x)%n",
                ideal16, c16.seconds / ideal16);
        System.out.printf("speed-up 16 vs 1: %.1fx (goal >= 12x)%n", c1.seconds / c16.seconds);
    }

    record Result(double seconds, long requests, long patches) {}

    static Result run(int concurrency) throws Exception {
        Path home = Files.createTempDirectory("obskit-bench");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(20, 1000, 42))) {
            sandbox.faults(Faults.builder().seed(1).latency(LATENCY, Duration.ZERO).build());
            Map<String, String> env = Map.of("OPENROUTER_BASE_URL", sandbox.baseUrl(),
                    "OPENROUTER_MANAGEMENT_KEY", sandbox.managementKey(), "OBSKIT_HOME", home.toString());
            sandbox.requestLog().clear();
            long start = System.nanoTime();
            CommandRun run = CommandRun.run(new PrivacyCommand(), env, "--all-workspaces", "--on", "--apply",
                    "--concurrency", Integer.toString(concurrency), "--quiet", "--output", "json");
            double seconds = (System.nanoTime() - start) / 1e9;
            if (run.exitCode() != 0) throw new IllegalStateException("run failed: " + run.err());
            long patches = sandbox.requestLog().stream().filter(r -> r.method().equals("PATCH")).count();
            return new Result(seconds, sandbox.requestLog().size(), patches);
        }
    }

    static void warmUp() throws Exception {
        Path home = Files.createTempDirectory("obskit-bench-warm");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral().withGenerated(2, 100, 9))) {
            Map<String, String> env = Map.of("OPENROUTER_BASE_URL", sandbox.baseUrl(),
                    "OPENROUTER_MANAGEMENT_KEY", sandbox.managementKey(), "OBSKIT_HOME", home.toString());
            CommandRun.run(new PrivacyCommand(), env, "--all-workspaces", "--on", "--apply", "--quiet");
            CommandRun.run(new PrivacyCommand(), env, "--all-workspaces", "--off", "--apply", "--quiet");
        }
    }
}
