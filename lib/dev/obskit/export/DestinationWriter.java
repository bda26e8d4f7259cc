package dev.obskit.export;

import dev.obskit.csv.DestinationCsv;
import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.secrets.Masking;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.Writer;

/** Writes destinations one by one in an export format. {@link #finish} completes the document. */
public interface DestinationWriter {

    void write(Destination d) throws IOException;

    void finish() throws IOException;

    static DestinationWriter of(ExportFormat format, Writer out) throws IOException {
        return switch (format) {
            case csv -> new Csv(out);
            case jsonl -> new JsonLines(out);
            case json -> new JsonArray(out);
        };
    }

    /** The destination's wire object, config made safe to show (see {@link Masking#safeConfig}). */
    static String json(Destination d) {
        JsonObject safe = Jsons.with(d.toJson(), "config", Masking.safeConfig(d.type(), d.config()));
        return Jsons.writePlain(safe);
    }

    final class Csv implements DestinationWriter {
        private final DestinationCsv csv;

        Csv(Writer out) throws IOException {
            this.csv = new DestinationCsv(out);
        }

        @Override public void write(Destination d) throws IOException { csv.write(d); }

        @Override public void finish() throws IOException { csv.flush(); }
    }

    final class JsonLines implements DestinationWriter {
        private final Writer out;

        JsonLines(Writer out) { this.out = out; }

        @Override public void write(Destination d) throws IOException { out.write(json(d)); out.write('\n'); }

        @Override public void finish() throws IOException { out.flush(); }
    }

    /** A JSON array with one destination per line: valid JSON that still diffs line by line. */
    final class JsonArray implements DestinationWriter {
        private final Writer out;
        private boolean first = true;

        JsonArray(Writer out) { this.out = out; }

        @Override public void write(Destination d) throws IOException {
            out.write(first ? "[\n" : ",\n");
            first = false;
            out.write(json(d));
        }

        @Override public void finish() throws IOException {
            out.write(first ? "[]\n" : "\n]\n");
            out.flush();
        }
    }
}
