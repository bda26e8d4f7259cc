package dev.obskit.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second, and only when stderr is a
 * terminal: logs and CI output stay clean.
 */
public final class Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private long lastDraw;
    private boolean drawn;

    public Progress(PrintWriter err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
    }

    /** Whether this process's stderr is a terminal (Linux and macOS; elsewhere: whether there is a console). */
    public static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception ignored) {
            // fall through
        }
        return System.console() != null;
    }

    public synchronized void update(int done, int failed) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (drawn && now - lastDraw < 100_000_000L && done + failed < total) return;
        lastDraw = now;
        drawn = true;
        int width = 30;
        int finished = done + failed;
        int filled = total == 0 ? width : (int) ((long) finished * width / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + finished + "/" + total
                + (failed > 0 ? " (" + failed + " failed)" : "") + " ");
        err.flush();
    }

    public synchronized void finish() {
        if (enabled && drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
