package dev.obskit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Base of every job: access to out (data), err (logs) and the environment. Tests replace
 * {@link #env} instead of touching the real process environment.
 */
public abstract class ObskitCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    /** The process environment; tests set their own. */
    public Map<String, String> env = System.getenv();

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Logs a line to stderr unless the job runs with {@code --quiet}. */
    protected void info(String line) {
        if (!quiet()) {
            err().println(line);
            err().flush();
        }
    }

    protected void warn(String line) {
        err().println("WARN: " + line);
        err().flush();
    }

    protected abstract boolean quiet();
}
