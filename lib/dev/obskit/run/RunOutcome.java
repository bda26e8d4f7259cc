package dev.obskit.run;

import dev.obskit.cli.ExitCode;

import java.util.List;

/** The end of a run: every item's result, and why it stopped early if it did. */
public record RunOutcome(List<ItemResult> results, boolean interrupted, boolean authFailed) {

    public long count(ItemResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** The documented exit code: 0 all done, 3 some failed, 1 none done, 4 auth, 130 interrupted. */
    public int exitCode() {
        if (interrupted) return ExitCode.INTERRUPTED;
        if (authFailed) return ExitCode.AUTH;
        long failed = count(ItemResult.Status.FAILED) + count(ItemResult.Status.NOT_ATTEMPTED);
        if (failed == 0) return ExitCode.OK;
        return count(ItemResult.Status.DONE) > 0 ? ExitCode.PARTIAL : ExitCode.FAILED;
    }
}
