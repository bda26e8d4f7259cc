package dev.obskit.api;

/**
 * The key cannot do management work: the server rejected it, or it is an inference key. The
 * message says what kind of key is needed and where it comes from, and never quotes the key.
 * {@link #status()} is 401 for a rejected key and 403 for a key of the wrong kind, so callers that
 * map statuses to exit codes treat it like the answer every management call would have given.
 */
public class KeyPreflightException extends ApiException {

    public enum Problem {
        /** 401: the server does not accept the key at all. */
        REJECTED,
        /** A valid key that is not a management key (an inference key). */
        NOT_MANAGEMENT_KEY
    }

    static final String CREATE_ONE = "create one at https://openrouter.ai/settings/management-keys";

    private final Problem problem;

    KeyPreflightException(Problem problem, String serverMessage, String path) {
        super(message(problem), problem == Problem.REJECTED ? 401 : 403, null, serverMessage, "GET", path);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    private static String message(Problem problem) {
        return switch (problem) {
            case REJECTED -> "the key was rejected (401): check OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_API_KEY, or --api-key-file);"
                    + " a management key is needed (" + CREATE_ONE + ")";
            case NOT_MANAGEMENT_KEY -> "a management key is needed (" + CREATE_ONE + "); the key in use is an inference key";
        };
    }
}
