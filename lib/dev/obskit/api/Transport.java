package dev.obskit.api;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one {@link HttpCall} over Apache HttpClient 5 and reads the whole response. The response
 * is consumed inside a response handler, so its connection always goes back to the pool; idle
 * pooled connections are validated before reuse, so a server that silently dropped a keep-alive
 * socket does not fail the next request.
 */
final class Transport implements AutoCloseable {
    /** Pooled connections idle this long are checked before reuse (a 1 ms read), so a socket the server dropped is replaced. */
    static final java.time.Duration VALIDATE_AFTER_INACTIVITY = java.time.Duration.ofMillis(100);

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final String userAgent;

    Transport(ClientSettings settings) {
        this.settings = settings;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofMilliseconds(VALIDATE_AFTER_INACTIVITY.toMillis()))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .disableAutomaticRetries() // retries are ObsClient's job, where the method is known
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.userAgent = "obskit/" + Version.VERSION + " (Java " + System.getProperty("java.version") + ")";
    }

    HttpResult send(HttpCall call) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri(call));
        request.setHeader("Authorization", "Bearer " + settings.apiKey());
        request.setHeader("Accept", "application/json");
        request.setHeader("User-Agent", userAgent);
        if (settings.appUrl() != null) request.setHeader("HTTP-Referer", settings.appUrl());
        if (settings.appTitle() != null) request.setHeader("X-OpenRouter-Title", settings.appTitle());
        if (settings.appCategories() != null) request.setHeader("X-OpenRouter-Categories", settings.appCategories());
        if (call.body() != null) request.setEntity(new StringEntity(call.body(), ContentType.APPLICATION_JSON));
        return http.execute(request, response -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header h : response.getHeaders()) {
                headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
            }
            HttpEntity entity = response.getEntity();
            String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            return new HttpResult(response.getCode(), response.getReasonPhrase(), headers, body);
        });
    }

    private URI uri(HttpCall call) {
        try {
            URIBuilder b = new URIBuilder(settings.baseUrl() + call.path());
            call.query().forEach(b::addParameter);
            return b.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid base URL " + settings.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
