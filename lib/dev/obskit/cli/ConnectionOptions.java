package dev.obskit.cli;

import dev.obskit.api.ClientSettings;
import dev.obskit.api.Clients;
import dev.obskit.api.ObsClient;
import dev.obskit.sandbox.Sandbox;
import dev.obskit.sandbox.SandboxOptions;
import dev.obskit.support.ObskitHome;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a job connects to: the real API (key from the environment or a file, never from the
 * command line, where it would end up in shell history and {@code ps}) or the embedded sandbox.
 */
public class ConnectionOptions {
    @Option(names = "--base-url", paramLabel = "URL",
            description = "API base URL (env OPENROUTER_BASE_URL; default " + ClientSettings.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "Read the management key from FILE (default: env OPENROUTER_MANAGEMENT_KEY, else OPENROUTER_API_KEY).")
    Path apiKeyFile;

    @Option(names = "--sandbox",
            description = "Use the embedded local sandbox (a demo account, state under $OBSKIT_HOME, default ~/.obskit) instead of OpenRouter.")
    boolean sandbox;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect and response timeout per request, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Opens a connection sized for {@code concurrency} parallel requests. */
    public Connection open(Map<String, String> env, int concurrency, Consumer<String> warnings) {
        return open(env, concurrency, warnings, () -> { });
    }

    /** As {@link #open(Map, int, Consumer)}, telling {@code onThrottled} about every 429. */
    public Connection open(Map<String, String> env, int concurrency, Consumer<String> warnings, Runnable onThrottled) {
        if (timeoutSeconds < 1) throw new UsageException("--timeout must be at least 1 second, was " + timeoutSeconds);
        ObsClient.Builder builder = ObsClient.builder()
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .maxConnections(Math.max(1, concurrency))
                .warnings(warnings)
                .onThrottled(onThrottled);
        if (sandbox) {
            if (baseUrl != null || apiKeyFile != null) {
                throw new UsageException("--sandbox uses the local sandbox and its own key: drop --base-url and --api-key-file");
            }
            Sandbox box = Sandbox.start(SandboxOptions.defaults(ObskitHome.resolve(env)));
            try {
                return new Connection(builder.baseUrl(box.baseUrl()).apiKey(box.managementKey()).build(), box);
            } catch (RuntimeException e) {
                box.close();
                throw e;
            }
        }
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl.strip() : Clients.baseUrlFrom(env);
        // a wrong kind of key fails in the preflight, before any listing or planning
        return new Connection(Clients.checked(builder.baseUrl(url).apiKey(key(env)).build()), null);
    }

    private String key(Map<String, String> env) {
        if (apiKeyFile != null) {
            String key;
            try {
                key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            } catch (NoSuchFileException e) {
                throw new UsageException("--api-key-file " + apiKeyFile + ": no such file");
            } catch (IOException e) {
                throw new UsageException("--api-key-file " + apiKeyFile + ": cannot read it (" + e.getMessage() + ")");
            }
            if (key.isEmpty()) throw new UsageException("--api-key-file " + apiKeyFile + " is empty");
            return key;
        }
        String key = Clients.keyFrom(env);
        if (key == null) throw new MissingKeyException();
        return key;
    }

    /** An open client, and the sandbox behind it when there is one; closing closes both. */
    public record Connection(ObsClient client, Sandbox sandbox) implements AutoCloseable {
        public String describe() {
            return sandbox != null ? "the local sandbox at " + sandbox.baseUrl() : client.settings().baseUrl();
        }

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                if (sandbox != null) sandbox.close();
            }
        }
    }
}
