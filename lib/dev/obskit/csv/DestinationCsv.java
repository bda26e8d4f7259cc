package dev.obskit.csv;

import dev.obskit.json.Jsons;
import dev.obskit.model.Destination;
import dev.obskit.secrets.Masking;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Writes destinations as CSV, one row each, streaming. RFC 4180 (CRLF, quotes only where needed);
 * lists joined with {@code ;}; {@code config} and {@code filter_rules} as compact JSON; null as an
 * empty cell; numbers as plain decimals; text cells made inert for spreadsheets.
 */
public final class DestinationCsv implements AutoCloseable {

    /** The export columns, in order. obs-apply reads the same header. */
    public static final List<String> COLUMNS = List.of(
            "workspace_id", "id", "name", "type", "enabled", "privacy_mode", "sampling_rate", "regions",
            "api_key_hashes", "filter_rules", "broadcast_generation_cost", "broadcast_generation_identity",
            "broadcast_generation_request_context", "config", "created_at", "updated_at");

    public static final String LIST_SEPARATOR = ";";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator("\r\n")
            .get();

    private final CSVPrinter printer;

    public DestinationCsv(Appendable out) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
    }

    public void write(Destination d) throws IOException {
        printer.printRecord(Arrays.asList(row(d)));
    }

    /** The cells of one row, in {@link #COLUMNS} order. */
    static String[] row(Destination d) {
        return new String[] {
                text(d.workspaceId()),
                text(d.id()),
                text(d.name()),
                text(d.type()),
                Boolean.toString(d.enabled()),
                Boolean.toString(d.privacyMode()),
                Jsons.plain(d.samplingRate()),
                list(d.regions()),
                list(d.apiKeyHashes()),
                d.hasFilterRules() ? text(Jsons.writePlain(d.filterRules())) : "",
                Boolean.toString(d.broadcastGenerationCost()),
                Boolean.toString(d.broadcastGenerationIdentity()),
                Boolean.toString(d.broadcastGenerationRequestContext()),
                // masked by the API already; safeConfig only masks what a careless server sent in clear
                text(Jsons.writePlain(Masking.safeConfig(d.type(), d.config()))),
                text(d.createdAt()),
                text(d.updatedAt()),
        };
    }

    private static String text(String s) {
        return s == null ? "" : CsvCells.inert(s);
    }

    private static String list(List<String> values) {
        return values == null ? "" : text(String.join(LIST_SEPARATOR, values));
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
