package dev.obskit.shell;

import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JShell tool with its prompt, history and completion, run in this JVM ({@code --execution
 * local}) so snippets share the launcher's classes and its open client. Returns when the user
 * types {@code /exit} or presses Ctrl-D.
 */
final class InteractiveShell {
    private InteractiveShell() {}

    static int run() {
        Path startup;
        try {
            startup = Files.createTempFile("obs-startup", ".jsh");
            Files.writeString(startup, Startup.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JShell startup file", e);
        }
        try {
            return JavaShellToolBuilder.builder().start(
                    "--execution", "local",
                    "--class-path", ClassPath.current(),
                    "--startup", "DEFAULT",
                    "--startup", startup.toString());
        } catch (Exception e) {
            throw new IllegalStateException("JShell did not start: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(startup);
            } catch (IOException ignored) {
                // a temp file holding imports only; nothing secret is left behind
            }
        }
    }
}
