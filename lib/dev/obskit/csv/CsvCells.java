package dev.obskit.csv;

/**
 * Keeps spreadsheet formulas inert. A text cell that starts with {@code = + - @}, a tab or a
 * carriage return would be run as a formula by Excel, LibreOffice or Sheets (CSV injection), so
 * it is written with a leading apostrophe. A cell that already starts with an apostrophe gets one
 * too, which makes the rule reversible: {@link #restore} strips exactly one.
 */
public final class CsvCells {
    private CsvCells() {}

    public static String inert(String text) {
        if (text == null || text.isEmpty()) return text;
        char c = text.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
        return risky ? "'" + text : text;
    }

    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") ? cell.substring(1) : cell;
    }
}
