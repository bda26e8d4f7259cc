package dev.obskit.api;

/** The library version, sent in the User-Agent. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
