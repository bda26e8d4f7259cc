package dev.obskit.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.obskit.support.SafeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local emulator of the OpenRouter observability destinations API (see the API doc), served on
 * 127.0.0.1 by the JDK's HTTP server. Loads its state from disk or seeds the demo account, injects
 * faults on demand, and writes changes back in the background and on {@link #close()}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.ephemeral())) {
 *     ObsClient client = ObsClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.managementKey()).build();
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxOptions options;
    private final SandboxState state;
    private final FaultInjector faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final StateFlusher flusher;
    private final RequestLog requestLog;
    private boolean closed;

    private Sandbox(SandboxOptions options, SandboxState state, FaultInjector faults, HttpServer server,
                    ExecutorService executor, StateFlusher flusher, RequestLog requestLog) {
        this.options = options;
        this.requestLog = requestLog;
        this.state = state;
        this.faults = faults;
        this.server = server;
        this.executor = executor;
        this.flusher = flusher;
    }

    public static Sandbox start(SandboxOptions options) {
        // Without TCP_NODELAY the JDK server's two writes per response meet delayed ACKs and every
        // keep-alive request waits ~40 ms. The property is read once, when the server class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
        SandboxState state = loadOrSeed(options);
        FaultInjector faults = new FaultInjector(options.faults());
        SandboxRouter router = new SandboxRouter(new SandboxApi(state, options.clock()::instant), state, faults);
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads()); // latency faults must not block others
        HttpServer server;
        try {
            // 127.0.0.1 exactly, never a wildcard: the sandbox holds credentials (fake or not)
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), options.port()), 1024);
        } catch (IOException e) {
            executor.shutdown();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
        RequestLog requestLog = new RequestLog();
        server.createContext("/", requestLog.recording(router));
        server.setExecutor(executor);
        server.start();
        StateFlusher flusher = options.persistent() ? new StateFlusher(state, options.stateFile(), options.flushInterval()) : null;
        return new Sandbox(options, state, faults, server, executor, flusher, requestLog);
    }

    private static SandboxState loadOrSeed(SandboxOptions options) {
        if (options.persistent() && StateFile.exists(options.stateFile())) {
            return StateFile.load(options.stateFile(), options.maxPerType());
        }
        SandboxOptions.Generated g = options.generated();
        Account account = g == null ? DemoAccount.build()
                : AccountGenerator.generate(g.workspaces(), g.destinations(), g.seed(), options.maxPerType());
        SandboxState state = account.toState(options.maxPerType());
        if (options.persistent()) {
            try {
                SafeFiles.createDirectories(options.stateDir(), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + options.stateDir(), e);
            }
            StateFile.save(options.stateFile(), state.snapshot());
        }
        return state;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "obs-sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** e.g. {@code http://127.0.0.1:41234/api/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + SandboxRouter.PREFIX;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A management key the sandbox accepts. */
    public String managementKey() {
        return state.keys().stream().filter(SandboxKey::management).findFirst().orElseThrow().key();
    }

    /** A known key that is not a management key: 403 on every observability and workspace route. */
    public String inferenceKey() {
        return state.keys().stream().filter(k -> !k.management()).findFirst()
                .orElseGet(() -> addKey("inference key", false)).key();
    }

    /** Adds a key (random value) in the default workspace and returns it. */
    public SandboxKey addKey(String label, boolean management) {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        SandboxKey key = new SandboxKey((management ? "sk-or-mgmt-sandbox-" : "sk-or-v1-sandbox-") + HexFormat.of().formatHex(b),
                label, management, defaultWorkspaceId());
        state.addKey(key);
        return key;
    }

    /** Adds a given key; {@code workspaceId} is its default workspace. */
    public void addKey(SandboxKey key) {
        state.addKey(key);
    }

    /** The workspace the sandbox keys list and create in when no workspace_id is given. */
    public String defaultWorkspaceId() {
        return state.keys().stream().filter(SandboxKey::management).findFirst().orElseThrow().workspaceId();
    }

    /** Adds an empty workspace with a fixed id (for example a doc example id) and returns it. */
    public SandboxWorkspace addWorkspace(String id, String name, String slug) {
        SandboxWorkspace w = Account.workspace(new java.util.Random(id.hashCode()), id, name, slug, null,
                Timestamps.millis(options.clock().instant()), true);
        state.addWorkspace(w);
        return w;
    }

    /** The live state, secrets in clear: for tests that check the final server state. */
    public SandboxState state() {
        return state;
    }

    /** What the sandbox received: method and path of each request (for tests and benchmarks). */
    public RequestLog requestLog() {
        return requestLog;
    }

    public Faults faults() {
        return faults.faults();
    }

    /** Replaces the faults of a running sandbox; takes effect with the next request. */
    public void faults(Faults faults) {
        this.faults.set(faults);
    }

    /** The state file, when the sandbox persists. */
    public Optional<java.nio.file.Path> stateFile() {
        return Optional.ofNullable(options.stateFile());
    }

    /** Writes pending changes to the state file now (no-op in memory). */
    public void flush() {
        if (flusher != null) flusher.flush();
    }

    /** Stops serving and writes the last changes. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        if (flusher != null) flusher.close();
    }
}
