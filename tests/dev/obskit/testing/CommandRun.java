package dev.obskit.testing;

import dev.obskit.cli.Cli;
import dev.obskit.cli.ObskitCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs a job in-process the way its script does, with its own environment and captured out/err. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun run(ObskitCommand command, Map<String, String> env, String... args) {
        command.env = env;
        CommandLine cmd = Cli.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Everything the job printed, for secret-leak checks. */
    public String all() {
        return out + "\n" + err;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
