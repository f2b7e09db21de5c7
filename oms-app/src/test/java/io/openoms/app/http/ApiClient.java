package io.openoms.app.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** A small HTTP client for the API tests: JSON in, status and JSON out. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final Duration AWAIT = Duration.ofSeconds(20);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    Response get(String key, String path) {
        return send(key, "GET", path, null);
    }

    Response post(String key, String path, String body) {
        return send(key, "POST", path, body);
    }

    Response put(String key, String path, String body) {
        return send(key, "PUT", path, body);
    }

    Response patch(String key, String path, String body) {
        return send(key, "PATCH", path, body);
    }

    Response delete(String key, String path) {
        return send(key, "DELETE", path, null);
    }

    Response send(String key, String method, String path, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path} until its JSON body satisfies {@code done}; fails after 20 s with the last body. */
    JsonNode await(String key, String path, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + AWAIT.toNanos();
        while (true) {
            Response response = get(key, path);
            JsonNode body = response.status() == 200 ? response.json() : null;
            if (body != null && done.test(body)) {
                return body;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("GET " + path + " did not reach the expected state within " + AWAIT.toSeconds()
                        + " s; last answer: " + response);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** The order {@code id} once it has {@code status}. */
    JsonNode awaitStatus(String key, String id, String status) {
        return await(key, "/api/v1/orders/" + id, order -> order.get("status")
                .asText()
                .equals(status));
    }

    HttpClient http() {
        return http;
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + raw.statusCode() + "): " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
