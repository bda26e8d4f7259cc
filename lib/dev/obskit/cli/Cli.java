package dev.obskit.cli;

import dev.obskit.api.ApiException;
import dev.obskit.api.NotManagementKeyException;
import dev.obskit.api.RejectedKeyException;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs an obskit command: UTF-8 output, and one {@code ERROR:} line plus the documented exit code
 * for anything that goes wrong, never a stack trace (set {@code OBSKIT_DEBUG=1} to see one).
 */
public final class Cli {
    private Cli() {}

    /** Entry point of every script: runs the command and exits the JVM with its code. */
    public static void main(Object command, String[] args) {
        CommandLine cmd = commandLine(command);
        cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        int code = cmd.execute(args);
        if (cmd.getOut().checkError() || System.out.checkError()) {
            // PrintWriter and PrintStream swallow write errors: a full disk must not look like success
            cmd.getErr().println("ERROR: could not write all of the output to stdout (disk full or closed pipe?)");
            if (code == ExitCode.OK) code = ExitCode.FAILED;
        }
        cmd.getErr().flush();
        System.exit(code);
    }

    /** A configured command line; tests call {@code execute} on it with captured out and err. */
    public static CommandLine commandLine(Object command) {
        CommandLine cmd = new CommandLine(command);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            // one ERROR line and a pointer to --help, not the whole usage text
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("ERROR: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, failed.getErr());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            failed.getErr().flush();
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("ERROR: " + message(ex));
            if (System.getenv("OBSKIT_DEBUG") != null) ex.printStackTrace(line.getErr());
            line.getErr().flush();
            return exitCode(ex);
        });
        return cmd;
    }

    public static int exitCode(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) return ExitCode.USAGE;
        if (ex instanceof MissingKeyException) return ExitCode.AUTH;
        if (ex instanceof ApiException.AuthenticationException || ex instanceof ApiException.PermissionException) {
            return ExitCode.AUTH;
        }
        if (ex instanceof InterruptedException) return ExitCode.INTERRUPTED;
        return ExitCode.FAILED;
    }

    static String message(Throwable ex) {
        if (ex instanceof RejectedKeyException || ex instanceof NotManagementKeyException) {
            return ex.getMessage(); // the key preflight already says what kind of key is needed
        }
        if (ex instanceof ApiException.AuthenticationException) {
            return ex.getMessage() + " — the key was rejected; check OPENROUTER_MANAGEMENT_KEY (a management key is needed)";
        }
        if (ex instanceof ApiException.PermissionException) {
            return ex.getMessage() + " — a management key is needed (create one at https://openrouter.ai/settings/management-keys)";
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
