package dev.obskit.api;

import dev.obskit.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reads whatever an error response carries into a code and a readable message, never throwing. */
final class ErrorBodies {
    private ErrorBodies() {}

    record Parsed(String code, String message) {}

    /** The {@code error} object of a body, if the body is JSON with one. */
    static JsonObject errorObject(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            JsonValue v = Jsons.parse(body);
            if (v instanceof JsonObject o && o.get("error") instanceof JsonObject e) return e;
        } catch (IllegalArgumentException notJson) {
            // fall through
        }
        return null;
    }

    static Parsed parse(int status, String reason, String body) {
        JsonObject error = errorObject(body);
        if (error != null) {
            JsonValue code = error.get("code");
            String codeText = code instanceof JsonNumber n ? n.toString()
                    : code instanceof JsonString s ? s.getString() : null;
            String message = Jsons.string(error, "message");
            return new Parsed(printable(codeText), message != null ? printable(message) : "HTTP " + status + " " + nz(reason));
        }
        return new Parsed(null, printable(summarize(status, reason, body)));
    }

    /**
     * Server text made safe for a terminal and for one-line logs: control characters (line breaks
     * that would forge log lines, ANSI escapes) become spaces.
     */
    static String printable(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    /**
     * The status an error object stands for: its {@code code} when that is an HTTP error status
     * (a number, or a number in a string), else 500.
     */
    static int statusOf(JsonValue code) {
        try {
            int n = code instanceof JsonNumber num ? num.bigDecimalValue().intValueExact()
                    : code instanceof JsonString s ? Integer.parseInt(s.getString().trim()) : 500;
            return n >= 400 && n < 600 ? n : 500;
        } catch (ArithmeticException | NumberFormatException notAStatus) {
            return 500;
        }
    }

    /** A short, single-line description of a body that is not the API's JSON (an HTML 502 page, say). */
    private static String summarize(int status, String reason, String body) {
        String base = (nz(reason).isBlank() ? "HTTP " + status : reason);
        if (body == null || body.isBlank()) return base;
        String text = body.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
        if (text.length() > 160) text = text.substring(0, 157) + "...";
        return text.isEmpty() ? base : base + ": " + text;
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
