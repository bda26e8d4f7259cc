package dev.obskit.secrets;

import dev.obskit.json.Jsons;
import dev.obskit.model.DestinationType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The masking rule of the API (doc §5): 12 or more characters show the first 4, {@code ...} and
 * the last 4; shorter values show {@code ********}. Also tells a masked placeholder from a real
 * value (doc §6), so nothing masked is ever sent as a credential and nothing clear is ever shown.
 */
public final class Masking {
    public static final String SHORT_MASK = "********";
    private static final Pattern ELLIPSIS = Pattern.compile("^.{0,8}\\.\\.\\..{4}$", Pattern.DOTALL);
    private static final Pattern STARS = Pattern.compile("^\\*+(\\.\\.\\..{4})?$", Pattern.DOTALL);
    private static final Pattern BEARER_STARS = Pattern.compile("^\\S+ \\*+$");
    /** Config keys this version does not know whose name says they hold a credential. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|secret|token|passw|credential|dsn|auth|cookie).*");

    private Masking() {}

    public static String mask(String value) {
        if (value == null) return null;
        if (value.length() >= 12) return value.substring(0, 4) + "..." + value.substring(value.length() - 4);
        return SHORT_MASK;
    }

    /** Whether a value has the shape of a masked placeholder rather than a real secret. */
    public static boolean looksMasked(String value) {
        return value != null && (ELLIPSIS.matcher(value).matches() || STARS.matcher(value).matches()
                || BEARER_STARS.matcher(value).matches());
    }

    /**
     * Whether a value sent in an update is a placeholder rather than a credential (doc §6.3): the
     * stored value's masked form, or any masked shape. The API then keeps the stored secret.
     */
    public static boolean isPlaceholder(String sent, String stored) {
        if (sent == null) return false;
        if (stored != null && sent.equals(mask(stored)) && !sent.equals(stored)) return true;
        return looksMasked(sent);
    }

    /** Shows a value safely: placeholders as they are, anything else masked. */
    public static String display(String value) {
        return value == null || looksMasked(value) ? value : mask(value);
    }

    /**
     * A config with every secret value (and every header value) made safe to show: values the
     * server already masked are kept exactly as sent, anything in clear is masked here. A key the
     * type table does not know (or any key of an unknown type) is treated as secret when its name
     * says so ({@code token}, {@code password}, {@code apiKey}, {@code dsn}, ...).
     */
    public static JsonObject safeConfig(String type, JsonObject config) {
        DestinationType spec = DestinationType.byName(type).orElse(null);
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : config.entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            if (DestinationType.HEADERS.equals(key) && v instanceof JsonObject headers) {
                b.add(key, safeHeaders(headers));
            } else if (isSecret(spec, key) && v instanceof JsonString s) {
                b.add(key, display(s.getString()));
            } else {
                b.add(key, v);
            }
        }
        return b.build();
    }

    /** Secret by the type table; for a key (or type) the table does not know, by its name. */
    static boolean isSecret(DestinationType spec, String key) {
        if (spec != null && spec.key(key).isPresent()) return spec.isSecret(key);
        return SECRET_NAME.matcher(key).matches();
    }

    private static JsonObject safeHeaders(JsonObject headers) {
        JsonObjectBuilder b = Jsons.JSON.createObjectBuilder();
        headers.forEach((k, v) -> b.add(k, v instanceof JsonString s ? Jsons.JSON.createValue(display(s.getString())) : v));
        return b.build();
    }
}
