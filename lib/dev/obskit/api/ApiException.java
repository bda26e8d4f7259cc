package dev.obskit.api;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer from the API (or a failure to get one). Carries the HTTP status, the server's
 * {@code error.code} and message, and the method and path of the call. Subclasses type the
 * status so callers can catch what they can handle; {@link #of} picks the right one.
 *
 * <p>Never holds request headers, so it cannot leak the key.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final String serverMessage;
    private final String method;
    private final String path;
    private volatile Duration retryAfter;

    public ApiException(int status, String errorCode, String serverMessage, String method, String path) {
        this(describe(status, serverMessage, method, path), status, errorCode, serverMessage, method, path);
    }

    /** For subclasses that word their own message; {@code message} must never contain the key. */
    protected ApiException(String message, int status, String errorCode, String serverMessage, String method, String path) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.method = method;
        this.path = path;
    }

    private static String describe(int status, String message, String method, String path) {
        String where = method == null ? "" : " (" + method + " " + path + ")";
        String text = message == null || message.isBlank() ? "no message" : message;
        // status 0: no answer at all, so there is no HTTP status to show
        return (status == 0 ? "no response from the server: " : "HTTP " + status + ": ") + text + where;
    }

    /** The typed exception for a status. */
    public static ApiException of(int status, String errorCode, String message, String method, String path) {
        return switch (status) {
            case 400, 422 -> new BadRequestException(status, errorCode, message, method, path);
            case 401 -> new AuthenticationException(status, errorCode, message, method, path);
            case 403 -> new PermissionException(status, errorCode, message, method, path);
            case 404 -> new NotFoundException(status, errorCode, message, method, path);
            case 409 -> new ConflictException(status, errorCode, message, method, path);
            case 429 -> new RateLimitException(status, errorCode, message, method, path);
            default -> status >= 500
                    ? new ServerException(status, errorCode, message, method, path)
                    : new ApiException(status, errorCode, message, method, path);
        };
    }

    /** HTTP status, or 0 when no response was received. */
    public int status() { return status; }

    /** The body's {@code error.code} as text (the API sends a number; some proxies a string), or null. */
    public String errorCode() { return errorCode; }

    /** The body's {@code error.message}, or a readable summary of a non-JSON body. */
    public String serverMessage() { return serverMessage; }

    public String method() { return method; }

    public String path() { return path; }

    /** How long the server asked to wait ({@code Retry-After} / {@code retry-after-ms}), uncapped; empty when it did not say. */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    ApiException withRetryAfter(Duration d) {
        this.retryAfter = d;
        return this;
    }

    /** 400: invalid request. Waiting will not help. */
    public static class BadRequestException extends ApiException {
        public BadRequestException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
    }

    /** 401: no key, or a key the server does not know. */
    public static class AuthenticationException extends ApiException {
        public AuthenticationException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
        protected AuthenticationException(String message, int s, String c, String m, String me, String p) { super(message, s, c, m, me, p); }
    }

    /** 403: a valid key that may not do this (for instance not a management key). */
    public static class PermissionException extends ApiException {
        public PermissionException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
        protected PermissionException(String message, int s, String c, String m, String me, String p) { super(message, s, c, m, me, p); }
    }

    public static class NotFoundException extends ApiException {
        public NotFoundException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
    }

    public static class ConflictException extends ApiException {
        public ConflictException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
    }

    public static class RateLimitException extends ApiException {
        public RateLimitException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
    }

    public static class ServerException extends ApiException {
        public ServerException(int s, String c, String m, String me, String p) { super(s, c, m, me, p); }
    }

    /** No usable response: connection refused or reset, timeout, TLS failure. */
    public static class TransportException extends ApiException {
        public TransportException(String message, String method, String path, Throwable cause) {
            super(0, null, message, method, path);
            initCause(cause);
        }
    }
}
