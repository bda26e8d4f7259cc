package dev.obskit.api;

/**
 * The key preflight ({@link ObsClient#preflight()}) found that the server does not accept the key
 * at all (401). The message says which variable to check and never quotes the key.
 */
public final class RejectedKeyException extends ApiException.AuthenticationException {
    static final String MESSAGE = "the key was rejected (401): check OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_API_KEY, or --api-key-file);"
            + " a management key is needed (" + NotManagementKeyException.CREATE_ONE + ")";

    RejectedKeyException(String serverMessage, String path) {
        super(MESSAGE, 401, null, serverMessage, "GET", path);
    }
}
