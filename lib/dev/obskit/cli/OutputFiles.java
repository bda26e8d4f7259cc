package dev.obskit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks an output path before anything is sent, so a typo cannot waste (or half-finish) a run. */
final class OutputFiles {
    private OutputFiles() {}

    /**
     * The file to write for {@code path}: a symbolic link's target (so the link survives the
     * atomic rename), never a directory, a device or a pipe, in a directory that exists.
     */
    static Path checkWritable(String option, Path path) {
        Path p = path.toAbsolutePath();
        if (Files.isSymbolicLink(p)) {
            try {
                p = p.toRealPath();
            } catch (IOException e) {
                throw new UsageException(option + " " + path + ": a link to nothing");
            }
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new UsageException(option + " " + path + ": not a regular file (a directory, a device or a pipe)");
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UsageException(option + " " + path + ": directory " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new UsageException(option + " " + path + ": cannot write in " + dir);
        return p;
    }
}
