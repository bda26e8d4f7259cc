package dev.obskit.sandbox;

import static dev.obskit.json.Jsons.JSON;
import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP face of the sandbox: faults first (they stand for the network), then route, key check
 * and the operation; every error leaves as the API's envelope (doc §1). Nothing here is logged,
 * so no secret can reach a log.
 */
final class SandboxRouter implements HttpHandler {
    static final String PREFIX = "/api/v1";
    private static final String DESTINATIONS = "/observability/destinations";
    private static final String WORKSPACES = "/workspaces";

    private final SandboxApi api;
    private final SandboxState state;
    private final FaultInjector faults;

    SandboxRouter(SandboxApi api, SandboxState state, FaultInjector faults) {
        this.api = api;
        this.state = state;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            FaultInjector.Decision fault = faults.next();
            if (fault.dropBefore()) {
                drop(exchange);
                return;
            }
            if (fault.delayMillis() > 0) sleep(fault.delayMillis());
            byte[] body = readBody(exchange);
            int retryAfter = faults.retryAfterSeconds(System.currentTimeMillis());
            if (retryAfter > 0) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
                exchange.getResponseHeaders().set("X-RateLimit-Limit", Integer.toString(faults.faults().rateLimit()));
                exchange.getResponseHeaders().set("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().set("X-RateLimit-Reset", Long.toString((System.currentTimeMillis() / 1000 + retryAfter) * 1000));
                send(exchange, 429, envelope(429, ApiError.RATE_LIMITED,
                        JSON.createObjectBuilder().add("error_type", "rate_limit_exceeded").build()));
                return;
            }
            if (fault.error()) {
                int status = faults.faults().errorStatus();
                send(exchange, status, envelope(status, ApiError.INTERNAL, null));
                return;
            }
            SandboxApi.Reply reply;
            boolean isCreate = false;
            try {
                Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
                SandboxKey caller = authenticate(exchange, route);
                isCreate = route.kind == Kind.CREATE;
                reply = dispatch(route, caller, exchange, body);
            } catch (ApiError e) {
                reply = new SandboxApi.Reply(e.status(), envelope(e.status(), e.getMessage(), null));
            } catch (RuntimeException e) {
                reply = new SandboxApi.Reply(500, envelope(500, ApiError.INTERNAL, null));
            }
            if (isCreate && reply.status() == 201 && fault.dropAfterCreate()) {
                drop(exchange); // the destination is stored; the client never hears of it
                return;
            }
            send(exchange, reply.status(), reply.body());
        }
    }

    private SandboxApi.Reply dispatch(Route route, SandboxKey caller, HttpExchange exchange, byte[] body) {
        return switch (route.kind) {
            case LIST -> api.listDestinations(caller, query(exchange));
            case CREATE -> api.createDestination(caller, jsonBody(body));
            case GET -> api.getDestination(route.id);
            case UPDATE -> api.updateDestination(route.id, jsonBody(body));
            case DELETE -> api.deleteDestination(route.id);
            case WORKSPACES -> api.listWorkspaces(query(exchange));
            case WORKSPACE -> api.getWorkspace(route.id);
            case KEY -> api.keyInfo(caller);
        };
    }

    /**
     * Missing header: 401; unknown key: 401; a known non-management key: 403 everywhere except
     * {@code GET /key}, which exists to tell a caller what its key is (doc §16).
     */
    private SandboxKey authenticate(HttpExchange exchange, Route route) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) throw new ApiError(401, ApiError.MISSING_AUTH);
        String value = header.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) throw new ApiError(401, ApiError.INVALID_CREDENTIALS);
        SandboxKey key = state.key(value.substring(7).trim()).orElseThrow(() -> new ApiError(401, ApiError.INVALID_CREDENTIALS));
        if (!key.management() && route.kind != Kind.KEY) throw new ApiError(403, ApiError.MANAGEMENT_ONLY);
        return key;
    }

    private static JsonObject jsonBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) throw ApiError.badRequest(ApiError.BAD_REQUEST + ": body: Invalid input: expected object, received undefined");
        JsonValue v;
        try {
            v = Jsons.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(ApiError.BAD_REQUEST + ": body: Invalid JSON");
        }
        if (!(v instanceof JsonObject o)) throw ApiError.badRequest(ApiError.BAD_REQUEST + ": body: " + Issues.expected("object", v));
        return o;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static JsonObject envelope(int status, String message, JsonObject metadata) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("code", status).add("message", message);
        if (metadata != null) error.add("metadata", metadata);
        return JSON.createObjectBuilder().add("error", error).build();
    }

    private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
        send(exchange, status, Jsons.write(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Closes the TCP connection with no response. Closing an exchange before its response headers
     * were sent makes the JDK server close the socket itself, which is what a client sees when a
     * proxy or server dies mid-request.
     */
    private static void drop(HttpExchange exchange) {
        exchange.close();
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    enum Kind { LIST, CREATE, GET, UPDATE, DELETE, WORKSPACES, WORKSPACE, KEY }

    /** A matched route: the operation and its path parameter, if any. Unknown paths are 404, wrong methods 405. */
    record Route(Kind kind, String id) {
        static Route of(String method, String rawPath) {
            String path = rawPath == null ? "" : rawPath;
            if (!path.startsWith(PREFIX + "/")) throw ApiError.notFound();
            path = path.substring(PREFIX.length());
            if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
            String m = method.toUpperCase(Locale.ROOT);
            if (path.equals(DESTINATIONS)) {
                return switch (m) {
                    case "GET" -> new Route(Kind.LIST, null);
                    case "POST" -> new Route(Kind.CREATE, null);
                    default -> throw notAllowed();
                };
            }
            if (path.startsWith(DESTINATIONS + "/") && isSegment(path, DESTINATIONS)) {
                String id = decode(path.substring(DESTINATIONS.length() + 1));
                return switch (m) {
                    case "GET" -> new Route(Kind.GET, id);
                    case "PATCH" -> new Route(Kind.UPDATE, id);
                    case "DELETE" -> new Route(Kind.DELETE, id);
                    default -> throw notAllowed();
                };
            }
            if (path.equals(WORKSPACES)) return get(m, new Route(Kind.WORKSPACES, null));
            if (path.startsWith(WORKSPACES + "/") && isSegment(path, WORKSPACES)) {
                return get(m, new Route(Kind.WORKSPACE, decode(path.substring(WORKSPACES.length() + 1))));
            }
            if (path.equals("/key")) return get(m, new Route(Kind.KEY, null));
            throw ApiError.notFound();
        }

        private static boolean isSegment(String path, String base) {
            String rest = path.substring(base.length() + 1);
            return !rest.isEmpty() && rest.indexOf('/') < 0;
        }

        private static Route get(String method, Route route) {
            if (!method.equals("GET")) throw notAllowed();
            return route;
        }

        private static ApiError notAllowed() {
            return new ApiError(405, "Method not allowed");
        }
    }
}
