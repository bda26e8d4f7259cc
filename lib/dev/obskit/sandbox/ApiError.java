package dev.obskit.sandbox;

/**
 * An error answer of the sandbox: the HTTP status and the {@code error.message} of the API's
 * envelope (API doc §1). Thrown anywhere below the router and turned into the envelope there.
 */
final class ApiError extends RuntimeException {
    static final String BAD_REQUEST = "Invalid request parameters";
    static final String NOT_FOUND = "Resource not found";
    static final String MISSING_AUTH = "Missing Authentication header";
    static final String INVALID_CREDENTIALS = "Invalid credentials";
    static final String MANAGEMENT_ONLY = "Only management keys can perform this operation";
    static final String INTERNAL = "Internal Server Error";
    static final String RATE_LIMITED = "Rate limit exceeded";

    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false); // no stack trace: these are answers, not failures
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound() {
        return new ApiError(404, NOT_FOUND);
    }
}
