package dev.obskit.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything an {@link ObsClient} is built from. The key is held here and only here; it is left
 * out of {@link #toString()} so the settings can be logged.
 */
public record ClientSettings(
        String baseUrl,
        String apiKey,
        String appUrl,
        String appTitle,
        String appCategories,
        Duration connectTimeout,
        Duration responseTimeout,
        int maxConnections,
        int pageSize,
        Consumer<String> warnings,
        Runnable onThrottled) {

    public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

    public ClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (pageSize < 1 || pageSize > 100) throw new IllegalArgumentException("page size must be 1..100, was " + pageSize);
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
    }

    @Override
    public String toString() {
        return "ClientSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "(none)" : "(set)")
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout
                + ", maxConnections=" + maxConnections + ", pageSize=" + pageSize + "]";
    }
}
