package dev.obskit.cli;

/** The exit codes every obskit job uses (DESIGN.md, "Contract seen by users"). */
public final class ExitCode {
    /** Done, or nothing to do. */
    public static final int OK = 0;
    /** Failed. */
    public static final int FAILED = 1;
    /** Bad usage or bad input; nothing was changed. */
    public static final int USAGE = 2;
    /** Some items failed; the report lists them. */
    public static final int PARTIAL = 3;
    /** Authentication or permission (401/403, or no key at all). */
    public static final int AUTH = 4;
    /** {@code --check}: changes are pending. */
    public static final int PENDING = 5;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
