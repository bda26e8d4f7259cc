package dev.obskit.api;

import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.support.ObskitHome;

import java.nio.file.Path;
import java.util.Map;

/**
 * A ready {@link ObsClient} in one call, for scripts and JShell: from the environment, or on the
 * embedded sandbox. Close the client when done (try-with-resources); a sandbox client stops its
 * sandbox too.
 *
 * <pre>{@code
 * try (ObsClient client = Clients.fromEnvironment()) {          // or Clients.sandbox()
 *     client.allDestinations().filter(d -> !d.privacyMode()).forEach(d -> System.out.println(d.name()));
 * }
 * }</pre>
 */
public final class Clients {
    public static final String ENV_BASE_URL = "OPENROUTER_BASE_URL";
    public static final String ENV_MANAGEMENT_KEY = "OPENROUTER_MANAGEMENT_KEY";
    public static final String ENV_API_KEY = "OPENROUTER_API_KEY";

    private Clients() {}

    /**
     * A client for {@code OPENROUTER_BASE_URL} (default OpenRouter's) with the key from
     * {@code OPENROUTER_MANAGEMENT_KEY}, else {@code OPENROUTER_API_KEY}. The key is checked
     * with the server first ({@link ObsClient#preflight()}).
     *
     * @throws IllegalStateException when neither variable holds a key
     * @throws RejectedKeyException or {@link NotManagementKeyException} when the key will not do
     */
    public static ObsClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the variables from {@code env}. */
    public static ObsClient fromEnvironment(Map<String, String> env) {
        String key = keyFrom(env);
        if (key == null) {
            throw new IllegalStateException("no management key: set " + ENV_MANAGEMENT_KEY + " (or " + ENV_API_KEY
                    + "), or use Clients.sandbox() to try obskit without an account");
        }
        return checked(ObsClient.builder().baseUrl(baseUrlFrom(env)).apiKey(key).build());
    }

    /** The key from {@code OPENROUTER_MANAGEMENT_KEY}, else {@code OPENROUTER_API_KEY}; null when neither is set. */
    public static String keyFrom(Map<String, String> env) {
        return firstNonBlank(env.get(ENV_MANAGEMENT_KEY), env.get(ENV_API_KEY));
    }

    /** {@code OPENROUTER_BASE_URL}, else OpenRouter's API. */
    public static String baseUrlFrom(Map<String, String> env) {
        return firstNonBlank(env.get(ENV_BASE_URL), ClientSettings.DEFAULT_BASE_URL);
    }

    /** Runs the key preflight; on failure closes the client and rethrows. */
    public static ObsClient checked(ObsClient client) {
        try {
            client.preflight();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /**
     * A client on the embedded sandbox, started now with its state under {@code $OBSKIT_HOME}
     * (default {@code ~/.obskit}; the demo account is seeded on first use). Closing the client
     * stops the sandbox.
     */
    public static ObsClient sandbox() {
        return sandbox(SandboxOptions.defaults(ObskitHome.resolve()));
    }

    /** As {@link #sandbox()}, keeping the sandbox state under {@code obskitHome}. */
    public static ObsClient sandbox(Path obskitHome) {
        return sandbox(SandboxOptions.defaults(obskitHome));
    }

    /** A client on a sandbox started with {@code options} (e.g. {@link SandboxOptions#ephemeral()}). */
    public static ObsClient sandbox(SandboxOptions options) {
        Sandbox box = Sandbox.start(options);
        try {
            return ObsClient.builder().baseUrl(box.baseUrl()).apiKey(box.managementKey()).onClose(box::close).build();
        } catch (RuntimeException e) {
            box.close();
            throw e;
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.strip();
        if (b != null && !b.isBlank()) return b.strip();
        return null;
    }
}
