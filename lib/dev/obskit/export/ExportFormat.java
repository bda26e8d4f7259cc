package dev.obskit.export;

/** Output formats of obs-export. */
public enum ExportFormat {
    CSV, JSONL, JSON;

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
