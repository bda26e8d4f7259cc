package dev.obskit.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout under test (Surefire runs in it; {@code basedir} says so explicitly). */
public final class Project {
    private Project() {}

    public static Path root() {
        Path p = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        if (!Files.exists(p.resolve("pom.xml"))) throw new IllegalStateException("not the project root: " + p);
        return p;
    }
}
