package dev.obskit.cli;

/** Bad usage or bad input found before anything was changed: exit 2 with this message. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
