package dev.obskit.shell;

import dev.obskit.api.ObsClient;

import java.util.List;

/**
 * What an {@code obs} session hands to its snippets. JShell runs the snippets in this JVM
 * ({@code --execution local}) and they load {@code dev.obskit.*} from the same class loader, so
 * the startup's {@code ObsClient client = Session.client();} is the live client the command
 * opened, and a sandbox it started keeps serving until the session ends.
 */
public final class Session {
    private static volatile ObsClient client;
    private static volatile List<String> args = List.of();

    private Session() {}

    /** The session's client. */
    public static ObsClient client() {
        ObsClient c = client;
        if (c == null) throw new IllegalStateException("no obs session is open (start one with ./jbang obs)");
        return c;
    }

    /** The words after the script file: {@code ./jbang obs FILE.jsh ARG...}. */
    public static String[] args() {
        return args.toArray(String[]::new);
    }

    static void open(ObsClient c, List<String> arguments) {
        client = c;
        args = List.copyOf(arguments);
    }

    static void clear() {
        client = null;
        args = List.of();
    }
}
