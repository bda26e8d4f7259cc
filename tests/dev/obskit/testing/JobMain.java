package dev.obskit.testing;

import dev.obskit.cli.Cli;
import dev.obskit.cli.ExportCommand;
import dev.obskit.cli.PrivacyCommand;

/** Runs a job in a child JVM for tests that must kill a real process: {@code JobMain obs-privacy ARGS...}. */
public final class JobMain {
    private JobMain() {}

    public static void main(String[] args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "obs-privacy" -> Cli.main(new PrivacyCommand(), rest);
            case "obs-export" -> Cli.main(new ExportCommand(), rest);
            default -> throw new IllegalArgumentException("unknown job " + args[0]);
        }
    }
}
