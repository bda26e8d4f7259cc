package dev.obskit.support;

import java.nio.file.Path;
import java.util.Map;

/** Where obskit keeps its state: {@code $OBSKIT_HOME}, else {@code ~/.obskit}. */
public final class ObskitHome {
    public static final String ENV = "OBSKIT_HOME";

    private ObskitHome() {}

    public static Path resolve(Map<String, String> env) {
        String home = env.get(ENV);
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath();
        return Path.of(System.getProperty("user.home"), ".obskit");
    }

    public static Path resolve() {
        return resolve(System.getenv());
    }
}
