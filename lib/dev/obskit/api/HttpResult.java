package dev.obskit.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response read in full (the connection is released before this exists). Header names are lower case. */
public record HttpResult(int status, String reason, Map<String, List<String>> headers, String body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
