package dev.obskit.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Small helpers around Jakarta JSON Processing (Parsson) used across the library. */
public final class Jsons {
    /**
     * One provider for the whole process. Every static {@code jakarta.json.Json.create…} call looks
     * the provider up again through ServiceLoader, which costs more than the JSON work itself and
     * serialises concurrent threads; use this instead on any hot path.
     */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsons() {}

    /** Parses a JSON document; throws {@link IllegalArgumentException} with a readable message on bad input. */
    public static JsonValue parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        } catch (jakarta.json.JsonException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IllegalArgumentException("expected a JSON object, got " + v.getValueType().name().toLowerCase());
        }
        return v.asJsonObject();
    }

    /** Compact JSON text, keys in insertion order. */
    public static String write(JsonValue value) {
        if (value == null) return "null";
        if (!(value instanceof JsonStructure)) return value.toString();
        StringWriter out = new StringWriter();
        try (JsonWriter w = JSON.createWriter(out)) {
            w.write(value);
        }
        return out.toString();
    }

    /**
     * Compact JSON text with every number in plain decimal form ({@code 0.0000001}, never
     * {@code 1E-7}), for output people read and spreadsheets import.
     */
    public static String writePlain(JsonValue value) {
        StringBuilder out = new StringBuilder();
        appendPlain(out, value);
        return out.toString();
    }

    private static void appendPlain(StringBuilder out, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    out.append(JSON.createValue(e.getKey())).append(':');
                    appendPlain(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue v : value.asJsonArray()) {
                    if (!first) out.append(',');
                    first = false;
                    appendPlain(out, v);
                }
                out.append(']');
            }
            case NUMBER -> out.append(plain(((JsonNumber) value).bigDecimalValue()));
            default -> out.append(value);
        }
    }

    /** A number as plain decimal text: 1 stays 1, 1e-4 becomes 0.0001, never exponent notation. */
    public static String plain(BigDecimal n) {
        return n == null ? "" : normalized(n).toPlainString();
    }

    /** A JsonNumber holding a normalised decimal, so {@code 1e-4} is written as {@code 0.0001}. */
    public static JsonNumber number(BigDecimal n) {
        return JSON.createValue(normalized(n));
    }

    /** Without trailing zeros, and never with a negative scale ({@code 100}, not {@code 1E+2}). */
    private static BigDecimal normalized(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static boolean isNull(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL;
    }

    /** String member or null when absent, null or not a string. */
    public static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    public static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonValue v = o.get(key);
        if (v == JsonValue.TRUE) return true;
        if (v == JsonValue.FALSE) return false;
        if (v != null && v.getValueType() == JsonValue.ValueType.TRUE) return true;
        if (v != null && v.getValueType() == JsonValue.ValueType.FALSE) return false;
        return fallback;
    }

    public static BigDecimal decimal(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.bigDecimalValue() : null;
    }

    /** A list of strings, or null when the member is absent or JSON null. Non-strings are kept as their JSON text. */
    public static List<String> strings(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonArray a)) return null;
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue item : a) out.add(item instanceof JsonString s ? s.getString() : item.toString());
        return List.copyOf(out);
    }

    public static JsonArray array(Collection<String> values) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        values.forEach(b::add);
        return b.build();
    }

    /** Copy of {@code o} with {@code key} set to {@code value} (kept in place when the key exists). */
    public static JsonObject with(JsonObject o, String key, JsonValue value) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        boolean seen = false;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (e.getKey().equals(key)) { b.add(key, value); seen = true; }
            else b.add(e.getKey(), e.getValue());
        }
        if (!seen) b.add(key, value);
        return b.build();
    }

    public static JsonObject without(JsonObject o, String key) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        o.forEach((k, v) -> { if (!k.equals(key)) b.add(k, v); });
        return b.build();
    }
}
