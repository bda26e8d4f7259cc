package dev.obskit.api;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.model.KeyInfo;
import dev.obskit.model.Workspace;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The OpenRouter observability destinations API: the five destination operations, workspace
 * list/get and the key preflight. Thread-safe; one instance per job, closed at the end.
 *
 * <p>Every call goes through one {@link Retrier}: 408, 409, 429, 5xx and connection failures are
 * retried for GET, PATCH and DELETE; a create is retried only when the server certainly did not
 * commit it, and otherwise only after listing the workspace shows it was not made (see
 * {@link RetryClassifier} and {@link CreateReconciler}).
 *
 * <pre>{@code
 * try (ObsClient client = ObsClient.builder().baseUrl(url).apiKey(key).build()) {
 *     client.preflight();
 *     client.destinations(null).filter(d -> !d.privacyMode()).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class ObsClient implements AutoCloseable {
    static final String DESTINATIONS = "/observability/destinations";
    static final String WORKSPACES = "/workspaces";
    static final String KEY = "/key";

    static final String NO_KEY = "no API key: set OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_API_KEY) or pass --api-key-file FILE;"
            + " a management key is needed (" + NotManagementKeyException.CREATE_ONE + ")";

    private final ClientSettings settings;
    private final Transport transport;
    private final Retrier retrier;
    private final Clock clock;
    private final SeenIds seenIds = new SeenIds();
    private final CreateReconciler reconciler;
    private final Runnable onClose;

    ObsClient(ClientSettings settings) {
        this(settings, RetryPolicy.DEFAULT, Sleeper.SYSTEM, Clock.systemUTC());
    }

    ObsClient(ClientSettings settings, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this(settings, policy, sleeper, clock, () -> { });
    }

    ObsClient(ClientSettings settings, RetryPolicy policy, Sleeper sleeper, Clock clock, Runnable onClose) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            // never send "Authorization: Bearer " with nothing after it
            throw new IllegalArgumentException(NO_KEY);
        }
        if (settings.apiKey().chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("the API key contains spaces or control characters (is the key file more than one line?);"
                    + " it is not shown here");
        }
        this.settings = settings;
        this.clock = clock;
        this.transport = new Transport(settings);
        this.retrier = new Retrier(policy, sleeper, clock, () -> ThreadLocalRandom.current().nextDouble(), settings.warnings());
        this.reconciler = new CreateReconciler(this::destinations, seenIds, settings.warnings());
        this.onClose = onClose;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClientSettings settings() {
        return settings;
    }

    public RetryPolicy retryPolicy() {
        return retrier.policy();
    }

    // ---- destinations -------------------------------------------------------------------

    /** Every destination of a workspace (null: the key's default workspace), fetched lazily page by page. */
    public Stream<Destination> destinations(String workspaceId) {
        return new Paginator<>((offset, limit) -> listDestinations(workspaceId, offset, limit),
                Destination::id, settings.pageSize(), settings.warnings(), "destinations").stream();
    }

    /**
     * Every destination of every workspace the key can see, workspace by workspace, fetched lazily.
     *
     * <pre>{@code
     * client.allDestinations().filter(d -> !d.enabled()).map(Destination::name).toList()
     * }</pre>
     */
    public Stream<Destination> allDestinations() {
        return workspaces().flatMap(w -> destinations(w.id()));
    }

    /** One page of destinations, as the server sent it. */
    public Page<Destination> listDestinations(String workspaceId, int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", Integer.toString(offset));
        query.put("limit", Integer.toString(limit));
        if (workspaceId != null) query.put("workspace_id", workspaceId);
        Page<Destination> page = page(call(HttpCall.get(DESTINATIONS, query)), Destination::fromJson, "destinations");
        page.items().forEach(d -> seenIds.saw(d.id()));
        return page;
    }

    public Destination getDestination(String id) {
        return seen(Destination.fromJson(data(call(HttpCall.get(DESTINATIONS + "/" + segment(id))))));
    }

    /**
     * Creates a destination from a create-request body (API doc §2.2); returns it as stored,
     * secrets masked. Never sent twice blindly: after an ambiguous failure the workspace is
     * listed first, and a destination this create made is returned instead of a second one.
     */
    public Destination createDestination(JsonObject body) {
        HttpCall call = new HttpCall("POST", DESTINATIONS, Map.of(), Jsons.write(body));
        Instant started = clock.instant();
        long mark = seenIds.mark();
        return seen(retrier.run(call,
                attempt -> Destination.fromJson(data(send(call))),
                () -> reconciler.find(body, started, mark)));
    }

    /** Partial update: only the members of {@code patch} change (API doc §2.4). */
    public Destination updateDestination(String id, JsonObject patch) {
        return seen(Destination.fromJson(data(call(new HttpCall("PATCH", DESTINATIONS + "/" + segment(id), Map.of(), Jsons.write(patch))))));
    }

    /** Soft-deletes a destination. A 404 to a retried delete means an earlier attempt did it, and counts as done. */
    public void deleteDestination(String id) {
        HttpCall call = new HttpCall("DELETE", DESTINATIONS + "/" + segment(id), Map.of(), null);
        retrier.run(call, attempt -> {
            JsonObject body;
            try {
                body = send(call);
            } catch (ApiException.NotFoundException gone) {
                if (attempt == 1) throw gone;
                settings.warnings().accept("DELETE " + call.path() + " answered 404 after a retry: an earlier attempt deleted it");
                return Boolean.TRUE;
            }
            if (!Jsons.bool(body, "deleted", false)) {
                throw new ApiException(200, null, "delete was not confirmed: " + abbreviate(Jsons.write(body)), "DELETE", call.path());
            }
            return Boolean.TRUE;
        });
    }

    // ---- workspaces and key -------------------------------------------------------------

    public Stream<Workspace> workspaces() {
        return new Paginator<>((offset, limit) -> page(call(HttpCall.get(WORKSPACES,
                Map.of("offset", Integer.toString(offset), "limit", Integer.toString(limit)))), Workspace::fromJson, "workspaces"),
                Workspace::id, settings.pageSize(), settings.warnings(), "workspaces").stream();
    }

    /** A workspace by UUID or slug. */
    public Workspace workspace(String idOrSlug) {
        return Workspace.fromJson(data(call(HttpCall.get(WORKSPACES + "/" + segment(idOrSlug)))));
    }

    /** What the server says about the key in use ({@code GET /key}). */
    public KeyInfo key() {
        return KeyInfo.fromJson(data(call(HttpCall.get(KEY))));
    }

    /**
     * Checks, before any real work, that the key is a management key ({@code GET /key}).
     *
     * @return what the server said about the key; empty (with a warning) when the server has no
     *         {@code GET /key} endpoint, so the check cannot be made
     * @throws RejectedKeyException when the server rejects the key (401)
     * @throws NotManagementKeyException when the key is not a management key (403, or
     *         {@code is_management_key: false}); neither message contains any part of the key
     */
    public Optional<KeyInfo> preflight() {
        KeyInfo info;
        try {
            info = key();
        } catch (ApiException.AuthenticationException e) {
            throw new RejectedKeyException(e.serverMessage(), KEY);
        } catch (ApiException.PermissionException e) {
            throw new NotManagementKeyException(e.serverMessage(), KEY);
        } catch (ApiException.NotFoundException e) {
            settings.warnings().accept("the server has no GET /key, so the key could not be checked before starting");
            return Optional.empty();
        }
        if (!info.managementKey()) {
            throw new NotManagementKeyException(null, KEY);
        }
        return Optional.of(info);
    }

    // ---- plumbing -----------------------------------------------------------------------

    /** Sends a call through the retry policy (for idempotent calls). */
    private JsonObject call(HttpCall call) {
        return retrier.run(call, attempt -> send(call));
    }

    /** Sends a call once and returns the parsed JSON object body of a 2xx answer, or throws a typed {@link ApiException}. */
    JsonObject send(HttpCall call) {
        HttpResult result;
        try {
            result = transport.send(call);
        } catch (IOException e) {
            throw new ApiException.TransportException(describe(e), call.method(), call.path(), e);
        }
        if (result.status() == 429) settings.onThrottled().run();
        if (result.status() >= 300) result = redacted(result);
        try {
            return interpret(call, result);
        } catch (ApiException e) {
            throw e.withRetryAfter(RetryAfter.from(result, clock.instant()).orElse(null));
        }
    }

    /**
     * An error answer with our key taken out: a proxy or a debugging server may echo the request
     * headers, and error text ends up on stderr, in journals and in reports.
     */
    private HttpResult redacted(HttpResult result) {
        String body = result.body();
        if (body == null || body.isEmpty()) return result;
        String clean = body.replace(settings.apiKey(), "[redacted]").replaceAll("(?i)(bearer)\\s+[^\\s\"'<>,;]+", "$1 [redacted]");
        return clean.equals(body) ? result : new HttpResult(result.status(), result.reason(), result.headers(), clean);
    }

    static JsonObject interpret(HttpCall call, HttpResult result) {
        int status = result.status();
        if (status < 200 || status >= 300) {
            ErrorBodies.Parsed p = ErrorBodies.parse(status, result.reason(), result.body());
            throw ApiException.of(status, p.code(), p.message(), call.method(), call.path());
        }
        JsonObject error = ErrorBodies.errorObject(result.body());
        if (error != null) {
            // a 2xx carrying an error envelope: believe the envelope
            ErrorBodies.Parsed p = ErrorBodies.parse(status, result.reason(), result.body());
            int effective = ErrorBodies.statusOf(error.get("code"));
            throw ApiException.of(effective, p.code(), p.message() + " (sent with HTTP " + status + ")", call.method(), call.path());
        }
        try {
            return Jsons.parseObject(result.body());
        } catch (IllegalArgumentException e) {
            throw new ApiException(status, null, "unreadable response body: " + abbreviate(result.body()), call.method(), call.path());
        }
    }

    private Destination seen(Destination d) {
        seenIds.saw(d.id());
        return d;
    }

    private static JsonObject data(JsonObject body) {
        JsonValue data = body.get("data");
        if (data instanceof JsonObject o) return o;
        throw new ApiException(200, null, "response has no data object: " + abbreviate(Jsons.write(body)), null, null);
    }

    private <T> Page<T> page(JsonObject body, Function<JsonObject, T> parse, String what) {
        if (!(body.get("data") instanceof JsonArray items)) {
            throw new ApiException(200, null, "list response has no data array: " + abbreviate(Jsons.write(body)), null, null);
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            // an item that is not an object with an id cannot be listed, changed or skipped safely:
            // the whole answer is unusable, rather than a silently shorter list
            if (!(items.get(i) instanceof JsonObject o) || Jsons.string(o, "id") == null) {
                throw new ApiException(200, null, "list response item " + i + " is not one of the " + what
                        + " (an object with an id): " + abbreviate(Jsons.write(items.get(i))), null, null);
            }
            out.add(parse.apply(o));
        }
        return new Page<>(List.copyOf(out), count(body.get("total_count")));
    }

    /** {@code total_count} as sent: a number, or a number in a string; null when absent or unusable. */
    private static Integer count(JsonValue v) {
        try {
            if (v instanceof JsonNumber n) return n.bigDecimalValue().intValueExact();
            if (v instanceof JsonString s) return Integer.valueOf(s.getString().trim());
        } catch (ArithmeticException | NumberFormatException unusable) {
            return null;
        }
        return null;
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    /** Releases the connections, then runs what the builder was told to close with it (a sandbox). */
    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            onClose.run();
        }
    }

    /** Builds a client. Only the key is required; the base URL defaults to OpenRouter's. */
    public static final class Builder {
        private String baseUrl = ClientSettings.DEFAULT_BASE_URL;
        private String apiKey;
        private String appUrl;
        private String appTitle = "obskit";
        private String appCategories;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private int maxConnections = 8;
        private int pageSize = 100;
        private Consumer<String> warnings = w -> System.err.println("WARN: " + w);
        private Runnable onThrottled = () -> { };
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private Runnable onClose = () -> { };

        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        /** The management key; surrounding whitespace (a key file's newline) is dropped. */
        public Builder apiKey(String apiKey) { this.apiKey = apiKey == null ? null : apiKey.strip(); return this; }
        /** {@code HTTP-Referer}: the app's URL. */
        public Builder appUrl(String appUrl) { this.appUrl = appUrl; return this; }
        /** {@code X-OpenRouter-Title}: the app's display name (default {@code obskit}). */
        public Builder appTitle(String appTitle) { this.appTitle = appTitle; return this; }
        /** {@code X-OpenRouter-Categories}: comma-separated categories. */
        public Builder appCategories(String appCategories) { this.appCategories = appCategories; return this; }
        public Builder connectTimeout(Duration d) { this.connectTimeout = d; return this; }
        public Builder responseTimeout(Duration d) { this.responseTimeout = d; return this; }
        /** Both timeouts at once (the {@code --timeout} option). */
        public Builder timeout(Duration d) { this.connectTimeout = d; this.responseTimeout = d; return this; }
        /** Size of the connection pool: the job's concurrency. */
        public Builder maxConnections(int n) { this.maxConnections = n; return this; }
        public Builder pageSize(int n) { this.pageSize = n; return this; }
        /** Where pagination and retry warnings go (default: stderr). */
        public Builder warnings(Consumer<String> sink) { this.warnings = sink; return this; }
        /** Called on every 429 answer, so a job can slow down (see the run engine's adaptive limiter). */
        public Builder onThrottled(Runnable listener) { this.onThrottled = listener; return this; }
        /** How failed calls are retried (default {@link RetryPolicy#DEFAULT}; {@link RetryPolicy#NONE} to never retry). */
        public Builder retryPolicy(RetryPolicy p) { this.retryPolicy = java.util.Objects.requireNonNull(p); return this; }
        /** How the client waits between retries (default: really sleeps). */
        public Builder sleeper(Sleeper s) { this.sleeper = java.util.Objects.requireNonNull(s); return this; }
        /** The clock for retry budgets, Retry-After dates and create reconciliation (default: system UTC). */
        public Builder clock(Clock c) { this.clock = java.util.Objects.requireNonNull(c); return this; }

        /** Run after the client closes (package-private: {@link Clients#sandbox()} closes its sandbox this way). */
        Builder onClose(Runnable r) { this.onClose = java.util.Objects.requireNonNull(r); return this; }

        public ObsClient build() {
            return new ObsClient(new ClientSettings(baseUrl, apiKey, appUrl, appTitle, appCategories,
                    connectTimeout, responseTimeout, maxConnections, pageSize, warnings, onThrottled), retryPolicy, sleeper, clock, onClose);
        }
    }
}
