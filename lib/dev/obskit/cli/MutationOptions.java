package dev.obskit.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options of every job that changes things: plan by default, {@code --apply} to execute. */
public class MutationOptions {

    /** Output of the plan (and of the results after --apply). */
    public enum PlanFormat { table, json }

    @Option(names = "--apply", description = "Execute the plan. Without it nothing is sent: the plan is printed.")
    boolean apply;

    @Option(names = "--check", description = "Exit 5 when changes are pending, 0 when none (for scheduled compliance checks). Sends nothing.")
    boolean check;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Parallel requests when applying (1-64, default: ${DEFAULT-VALUE}); lowered automatically while the server answers 429.")
    int concurrency;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run to FILE.")
    Path report;

    @Option(names = "--resume", paramLabel = "RUN",
            description = "Finish an interrupted run (its id, printed when it started, or its folder), skipping items already done.")
    String resume;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table",
            description = "Plan and result output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlanFormat output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr.")
    boolean quiet;

    void validate() {
        if (concurrency < 1 || concurrency > 64) throw new UsageException("--concurrency must be 1..64, was " + concurrency);
        if (check && apply) throw new UsageException("--check only looks; it cannot be combined with --apply");
        if (check && resume != null) throw new UsageException("--check cannot be combined with --resume");
    }

    public boolean apply() { return apply || resume != null; }

    public int concurrency() { return concurrency; }
}
