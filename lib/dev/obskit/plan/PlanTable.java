package dev.obskit.plan;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders changes as an aligned text table, one line per changed field. */
public final class PlanTable {
    private static final int MAX_NAME = 40;

    private PlanTable() {}

    /** Prints the table; {@code status} adds a first column (per-item results after --apply), or null. */
    public static void print(PrintWriter out, List<Change> changes, Function<Change, String> status) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("ACTION", "WORKSPACE", "ID", "TYPE", "NAME", "FIELD", "BEFORE", "AFTER"));
        if (status != null) header.add(0, "RESULT");
        rows.add(header.toArray(String[]::new));
        for (Change c : changes) {
            List<FieldChange> fields = c.fields().isEmpty() ? List.of(new FieldChange("", "", "")) : c.fields();
            boolean first = true;
            for (FieldChange f : fields) {
                List<String> row = new ArrayList<>(first
                        ? List.of(c.action().label(), nz(c.workspaceId()), c.id() == null ? "(new)" : c.id(), nz(c.type()),
                        clip(c.name()), f.field(), nz(f.before()), nz(f.after()))
                        : List.of("", "", "", "", "", f.field(), nz(f.before()), nz(f.after())));
                if (status != null) row.add(0, first ? status.apply(c) : "");
                rows.add(row.toArray(String[]::new));
                first = false;
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String clip(String name) {
        if (name == null) return "(no name)";
        String one = name.replaceAll("[\\s\\p{Cntrl}]+", " ");
        return one.length() > MAX_NAME ? one.substring(0, MAX_NAME - 3) + "..." : one;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
