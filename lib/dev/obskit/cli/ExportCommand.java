package dev.obskit.cli;

import dev.obskit.export.DestinationWriter;
import dev.obskit.export.ExportFormat;
import dev.obskit.export.Exporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

@Command(name = "obs-export", mixinStandardHelpOptions = true, version = "obskit " + dev.obskit.api.Version.VERSION,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Export observability destinations to CSV, JSON Lines or JSON.",
                "Secrets appear only as the API masks them. Rows are sorted by workspace, created_at, id."},
        footer = {"",
                "Examples:",
                "  obs-export --sandbox",
                "  obs-export --all-workspaces -o destinations.csv",
                "  obs-export --workspace production --workspace staging --output jsonl",
                "",
                "Exit codes: 0 done, 1 failed, 2 bad usage, 4 authentication or permission."})
public class ExportCommand extends ObskitCommand {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    ScopeOptions scope = new ScopeOptions();

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "csv",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write to FILE instead of stdout (written whole or not at all).")
    Path outputFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr.")
    boolean quiet;

    @Override
    protected boolean quiet() {
        return quiet;
    }

    /** Workspaces listed at once: enough to hide round trips, few enough to be gentle on the API. */
    private static final int PARALLEL_LISTS = 4;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path target = outputFile == null ? null : OutputFiles.checkWritable("-o", outputFile);
        try (ConnectionOptions.Connection conn = connection.open(env, PARALLEL_LISTS, this::warn)) {
            if (conn.sandbox() != null) info("Using " + conn.describe());
            List<String> workspaces = scope.resolve(conn.client());
            int count;
            if (outputFile == null) {
                count = new Exporter(conn.client(), PARALLEL_LISTS).export(workspaces, DestinationWriter.of(format, out()));
            } else {
                count = exportToFile(conn, workspaces, target);
            }
            info("Exported " + count + " destination" + (count == 1 ? "" : "s") + " from "
                    + (workspaces.size() == 1 && workspaces.get(0) == null ? "the default workspace"
                    : workspaces.size() + " workspace" + (workspaces.size() == 1 ? "" : "s"))
                    + (outputFile == null ? "" : " to " + outputFile) + ".");
            return ExitCode.OK;
        }
    }

    /** Writes next to the target and renames at the end, so a failed export leaves no half file. */
    private int exportToFile(ConnectionOptions.Connection conn, List<String> workspaces, Path target)
            throws IOException, InterruptedException {
        Path dir = target.getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            int count;
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                count = new Exporter(conn.client(), PARALLEL_LISTS).export(workspaces, DestinationWriter.of(format, w));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
