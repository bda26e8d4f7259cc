package dev.obskit.shell;

import dev.obskit.api.Version;
import dev.obskit.cli.ConnectionOptions;
import dev.obskit.cli.ObskitCommand;
import dev.obskit.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code obs}: JShell with the library imported and {@code client} connected, or, given a
 * {@code .jsh} file, that file run against the same client without a prompt.
 */
@Command(name = "obs", mixinStandardHelpOptions = true, version = "obskit " + Version.VERSION,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"JShell with the obskit library imported and a ready `client`.",
                "Given FILE.jsh, runs it without a prompt and exits 1 at the first snippet that fails."},
        footer = {"",
                "Examples:",
                "  obs --sandbox                                  # JShell on the local sandbox",
                "  obs                                            # JShell on OpenRouter (key from env)",
                "  obs --sandbox examples/disabled.jsh            # run a file, no prompt",
                "  obs examples/secrets-by-suffix.jsh AbCd        # words after the file are `args`",
                "",
                "In the session: client.allDestinations(), client.workspaces(),",
                "client.destinations(workspaceId), d.secrets() (masked). /exit or Ctrl-D leaves.",
                "",
                "Exit codes: 0 done, 1 a snippet failed, 2 bad usage, 4 authentication or permission."})
public class ShellCommand extends ObskitCommand {
    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-q", "--quiet"}, description = "No connection banner on stderr.")
    boolean quiet;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.jsh", description = "Snippets to run instead of a prompt.")
    Path script;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Words the script sees as `args`.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        String source = script == null ? null : read(script);
        try (ConnectionOptions.Connection conn = connection.open(env, 4, this::warn)) {
            Session.open(conn.client(), args);
            try {
                if (source != null) {
                    boolean ok = new ScriptRunner(err(), env.get("OBSKIT_DEBUG") != null).run(script.toString(), source);
                    System.out.flush();
                    return ok ? 0 : 1;
                }
                info("obs: `client` is connected to " + conn.describe() + "; try client.allDestinations().count(), /exit to leave");
                return InteractiveShell.run();
            } finally {
                Session.clear();
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    @Override
    protected boolean quiet() {
        return quiet;
    }
}
