package dev.obskit.sandbox;

import dev.obskit.json.Jsons;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls for tests that must see exact statuses, headers and bodies. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, HttpHeaders headers, String text) {
        JsonObject json() {
            return Jsons.parseObject(text);
        }

        JsonObject data() {
            return json().getJsonObject("data");
        }
    }

    private final String base;

    Http(String base) {
        this.base = base;
    }

    Http(Sandbox sandbox) {
        this(sandbox.baseUrl());
    }

    Response send(String method, String path, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (body != null) b.header("Content-Type", "application/json");
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path, String key) {
        return send("GET", path, key, null);
    }

    Response post(String path, String key, String body) {
        return send("POST", path, key, body);
    }

    Response patch(String path, String key, String body) {
        return send("PATCH", path, key, body);
    }

    Response delete(String path, String key) {
        return send("DELETE", path, key, null);
    }

    /** JSON text from single-quoted JSON, to keep test bodies readable. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
