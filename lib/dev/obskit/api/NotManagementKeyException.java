package dev.obskit.api;

/**
 * The key preflight ({@link ObsClient#preflight()}) found a valid key that is not a management key
 * (an inference key): every management call would answer 403. Never quotes the key.
 */
public final class NotManagementKeyException extends ApiException.PermissionException {
    static final String CREATE_ONE = "create one at https://openrouter.ai/settings/management-keys";
    static final String MESSAGE = "a management key is needed (" + CREATE_ONE + "); the key in use is an inference key";

    NotManagementKeyException(String serverMessage, String path) {
        super(MESSAGE, 403, null, serverMessage, "GET", path);
    }
}
