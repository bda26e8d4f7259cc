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
        String url = checkedUrl(baseUrl != null && !baseUrl.isBlank() ? baseUrl.strip() : Clients.baseUrlFrom(env));
        // a wrong kind of key fails in the preflight, before any listing or planning
        return new Connection(Clients.checked(builder.baseUrl(url).apiKey(key(env)).build()), null);
    }

    /** A key file is a line of text; anything much longer is the wrong file (or /dev/zero). */
    private static final int MAX_KEY_FILE = 4096;

    private String key(Map<String, String> env) {
        if (apiKeyFile != null) {
            String where = "--api-key-file " + apiKeyFile;
            if (Files.isDirectory(apiKeyFile)) throw new UsageException(where + ": a directory, not a key file");
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(apiKeyFile)) {
                bytes = in.readNBytes(MAX_KEY_FILE + 1);
            } catch (NoSuchFileException e) {
                throw new UsageException(where + ": no such file");
            } catch (IOException e) {
                throw new UsageException(where + ": cannot read it (" + e.getMessage() + ")");
            }
            if (bytes.length > MAX_KEY_FILE) throw new UsageException(where + ": longer than " + MAX_KEY_FILE + " bytes, not a key file");
            String key = new String(bytes, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) throw new UsageException(where + " is empty");
            return checkedKey(key, where);
        }
        String key = Clients.keyFrom(env);
        if (key == null) throw new MissingKeyException();
        return checkedKey(key, "the key in " + (env.get(Clients.ENV_MANAGEMENT_KEY) != null
                && !env.get(Clients.ENV_MANAGEMENT_KEY).isBlank() ? Clients.ENV_MANAGEMENT_KEY : Clients.ENV_API_KEY));
    }

    /** A key with spaces or control characters inside cannot be sent as a header; say so without showing it. */
    private static String checkedKey(String key, String where) {
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new UsageException(where + " contains spaces, line breaks or other characters a key cannot have");
        }
        return key;
    }

    private static String checkedUrl(String url) {
        java.net.URI uri = null;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException notAUrl) {
            // reported below
        }
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new UsageException("base URL '" + url + "' is not an http(s) URL with a host (--base-url or " + Clients.ENV_BASE_URL + ")");
        }
        return url;
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
