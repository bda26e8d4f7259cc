package dev.obskit.api;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.model.KeyInfo;
import dev.obskit.model.Workspace;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The OpenRouter observability destinations API: the five destination operations, workspace
 * list/get and the key preflight. Thread-safe; one instance per job, closed at the end.
 *
 * <pre>{@code
 * try (ObsClient client = ObsClient.builder().baseUrl(url).apiKey(key).build()) {
 *     client.destinations(null).filter(d -> !d.privacyMode()).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class ObsClient implements AutoCloseable {
    static final String DESTINATIONS = "/observability/destinations";
    static final String WORKSPACES = "/workspaces";

    private final ClientSettings settings;
    private final Transport transport;

    ObsClient(ClientSettings settings) {
        if (settings.apiKey() == null || settings.apiKey().isBlank()) {
            // never send "Authorization: Bearer " with nothing after it
            throw new IllegalArgumentException("no API key: a management key is required");
        }
        this.settings = settings;
        this.transport = new Transport(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ClientSettings settings() {
        return settings;
    }

    // ---- destinations -------------------------------------------------------------------

    /** Every destination of a workspace (null: the key's default workspace), fetched lazily page by page. */
    public Stream<Destination> destinations(String workspaceId) {
        return new Paginator<>((offset, limit) -> listDestinations(workspaceId, offset, limit),
                Destination::id, settings.pageSize(), settings.warnings(), "destinations").stream();
    }

    /** One page of destinations, as the server sent it. */
    public Page<Destination> listDestinations(String workspaceId, int offset, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("offset", Integer.toString(offset));
        query.put("limit", Integer.toString(limit));
        if (workspaceId != null) query.put("workspace_id", workspaceId);
        return page(send(HttpCall.get(DESTINATIONS, query)), Destination::fromJson);
    }

    public Destination getDestination(String id) {
        return Destination.fromJson(data(send(HttpCall.get(DESTINATIONS + "/" + segment(id)))));
    }

    /** Creates a destination from a create-request body (API doc §2.2); returns it as stored, secrets masked. */
    public Destination createDestination(JsonObject body) {
        return Destination.fromJson(data(send(new HttpCall("POST", DESTINATIONS, Map.of(), Jsons.write(body)))));
    }

    /** Partial update: only the members of {@code patch} change (API doc §2.4). */
    public Destination updateDestination(String id, JsonObject patch) {
        return Destination.fromJson(data(send(new HttpCall("PATCH", DESTINATIONS + "/" + segment(id), Map.of(), Jsons.write(patch)))));
    }

    /** Soft-deletes a destination. */
    public void deleteDestination(String id) {
        JsonObject body = (send(new HttpCall("DELETE", DESTINATIONS + "/" + segment(id), Map.of(), null)));
        if (!Jsons.bool(body, "deleted", false)) {
            throw new ApiException(200, null, "delete was not confirmed: " + abbreviate(Jsons.write(body)), "DELETE", DESTINATIONS + "/" + id);
        }
    }

    // ---- workspaces and key -------------------------------------------------------------

    public Stream<Workspace> workspaces() {
        return new Paginator<>((offset, limit) -> page(send(HttpCall.get(WORKSPACES,
                Map.of("offset", Integer.toString(offset), "limit", Integer.toString(limit)))), Workspace::fromJson),
                Workspace::id, settings.pageSize(), settings.warnings(), "workspaces").stream();
    }

    /** A workspace by UUID or slug. */
    public Workspace workspace(String idOrSlug) {
        return Workspace.fromJson(data(send(HttpCall.get(WORKSPACES + "/" + segment(idOrSlug)))));
    }

    /** What the server says about the key in use ({@code GET /key}). */
    public KeyInfo key() {
        return KeyInfo.fromJson(data(send(HttpCall.get("/key"))));
    }

    // ---- plumbing -----------------------------------------------------------------------

    /** Sends a call and returns the parsed JSON object body of a 2xx answer, or throws a typed {@link ApiException}. */
    JsonObject send(HttpCall call) {
        HttpResult result;
        try {
            result = transport.send(call);
        } catch (IOException e) {
            throw new ApiException.TransportException(describe(e), call.method(), call.path(), e);
        }
        if (result.status() == 429) settings.onThrottled().run();
        return interpret(call, result);
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
            int effective = error.get("code") instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 400 && n.intValue() < 600
                    ? n.intValue() : 500;
            throw ApiException.of(effective, p.code(), p.message() + " (sent with HTTP " + status + ")", call.method(), call.path());
        }
        try {
            return Jsons.parseObject(result.body());
        } catch (IllegalArgumentException e) {
            throw new ApiException(status, null, "unreadable response body: " + abbreviate(result.body()), call.method(), call.path());
        }
    }

    private static JsonObject data(JsonObject body) {
        JsonValue data = body.get("data");
        if (data instanceof JsonObject o) return o;
        throw new ApiException(200, null, "response has no data object: " + abbreviate(Jsons.write(body)), null, null);
    }


    private static <T> Page<T> page(JsonObject body, Function<JsonObject, T> parse) {
        if (!(body.get("data") instanceof JsonArray items)) {
            throw new ApiException(200, null, "list response has no data array: " + abbreviate(Jsons.write(body)), null, null);
        }
        List<T> out = new ArrayList<>(items.size());
        for (JsonValue v : items) {
            if (v instanceof JsonObject o) out.add(parse.apply(o));
        }
        Integer total = body.get("total_count") instanceof JsonNumber n ? n.intValue() : null;
        return new Page<>(List.copyOf(out), total);
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

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a client. Only the base URL and key are required. */
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

        public Builder baseUrl(String baseUrl) { this.baseUrl = baseUrl; return this; }
        public Builder apiKey(String apiKey) { this.apiKey = apiKey; return this; }
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

        public ObsClient build() {
            return new ObsClient(new ClientSettings(baseUrl, apiKey, appUrl, appTitle, appCategories,
                    connectTimeout, responseTimeout, maxConnections, pageSize, warnings, onThrottled));
        }
    }
}
