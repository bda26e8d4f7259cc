package dev.obskit.export;

/** Output formats of obs-export, spelled as on the command line. */
public enum ExportFormat {
    csv, jsonl, json
}
