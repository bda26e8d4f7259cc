package dev.obskit.cli;

/** No key was given at all: exit 4, naming where a key can come from. */
public class MissingKeyException extends RuntimeException {
    public MissingKeyException() {
        super("no management key: set OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_API_KEY), or pass --api-key-file FILE; "
                + "to try obskit without an account, add --sandbox");
    }
}
