package dev.obskit.cli;

import dev.obskit.csv.CsvCells;
import dev.obskit.model.DestinationType;
import dev.obskit.plan.Glob;
import dev.obskit.plan.Selection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The selection options, spelled and meaning the same in every job. */
public class SelectionOptions {

    /** {@code --privacy on|off}. */
    public enum OnOff { on, off }

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only destinations of these types (repeatable or comma-separated).")
    List<String> types = new ArrayList<>();

    @Option(names = "--name", paramLabel = "GLOB",
            description = "Only destinations whose name matches GLOB (* ? [..], case-insensitive).")
    String name;

    @Option(names = "--id", paramLabel = "ID", description = "Only this destination id (repeatable).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--ids-from", paramLabel = "FILE",
            description = "Only the ids in FILE: an obs-export CSV (its id column) or one id per line (# comments).")
    Path idsFrom;

    @Option(names = "--enabled", paramLabel = "true|false", arity = "1",
            converter = StrictBoolean.class, description = "Only enabled (true) or disabled (false) destinations.")
    Boolean enabled;

    @Option(names = "--privacy", paramLabel = "on|off", description = "Only destinations with privacy mode on or off.")
    OnOff privacy;

    /** Builds the selection, or throws {@link UsageException} naming the bad value (nothing is sent before this). */
    public Selection toSelection() {
        Set<String> typeSet = new LinkedHashSet<>();
        for (String t : types) {
            String type = t.strip();
            if (type.isEmpty()) continue;
            if (DestinationType.byName(type).isEmpty()) {
                throw new UsageException("--type " + type + ": unknown type (known: " + String.join(", ", DestinationType.names()) + ")");
            }
            typeSet.add(type);
        }
        Pattern pattern = null;
        if (name != null) {
            try {
                pattern = Glob.compile(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--name " + name + ": " + e.getMessage());
            }
        }
        Set<String> idSet = new LinkedHashSet<>();
        for (String id : ids) {
            if (id.isBlank()) throw new UsageException("--id needs a value");
            idSet.add(id.strip());
        }
        if (idsFrom != null) {
            List<String> fromFile = readIds(idsFrom);
            if (fromFile.isEmpty()) throw new UsageException("--ids-from " + idsFrom + ": no ids in the file");
            idSet.addAll(fromFile);
        }
        return new Selection(Set.copyOf(typeSet), pattern, Set.copyOf(idSet), enabled,
                privacy == null ? null : privacy == OnOff.on);
    }

    /** Ids from an exported CSV (header with an {@code id} column) or a plain list. */
    static List<String> readIds(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--ids-from " + file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("--ids-from " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (first.startsWith("\uFEFF")) first = first.substring(1);
        if (List.of(first.split(",")).contains("id")) return readCsvIds(file);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.contains(",") || line.contains(" ")) {
                throw new UsageException(file + ":" + (i + 1) + ": expected one id per line, got '" + line + "'");
            }
            ids.add(line);
        }
        return ids;
    }

    private static List<String> readCsvIds(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<String> ids = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("--ids-from " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a spreadsheet's byte-order mark
        try (Reader r = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                String id = rec.isMapped("id") && rec.isSet("id") ? CsvCells.restore(rec.get("id")).strip() : "";
                if (id.isEmpty()) throw new UsageException(file + ":" + (rec.getRecordNumber() + 1) + ": empty id");
                ids.add(id);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UsageException(file + ": not a readable CSV (" + e.getMessage() + ")");
        }
        return ids;
    }

    /** Accepts exactly {@code true} or {@code false}; picocli's default also takes other spellings. */
    public static class StrictBoolean implements picocli.CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.strip().toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new picocli.CommandLine.TypeConversionException("expected true or false, got '" + value + "'");
            };
        }
    }
}
