package dev.obskit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Searches output and files for secret values a test used. */
public final class Leaks {
    private Leaks() {}

    public static void assertNoneIn(String where, String text, Collection<String> secrets) {
        assertFalse(secrets.isEmpty(), "a leak check needs secrets to look for");
        for (String secret : secrets) {
            assertFalse(text.contains(secret), () -> where + " contains a secret ending " + secret.substring(secret.length() - 4));
        }
    }

    /** Every regular file under {@code dir}, except those under {@code skip} (may be null). */
    public static void assertNoneInFiles(Path dir, Path skip, Collection<String> secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> skip == null || !p.startsWith(skip)).toList();
        }
        assertTrue(files.size() > 0, "no files to check under " + dir);
        for (Path f : files) assertNoneIn(f.toString(), Files.readString(f, StandardCharsets.UTF_8), secrets);
    }
}
