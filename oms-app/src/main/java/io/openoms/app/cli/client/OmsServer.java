package io.openoms.app.cli.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A running OpenOMS server, reached over its REST API with {@link HttpClient}. Answers of every
 * status come back as a {@link ServerAnswer}; only transport failures (no connection, no answer in
 * time) are thrown here. The API key goes into the {@code X-API-Key} header and nowhere else.
 */
final class OmsServer {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longer than the server's own 10 s wait for its engine, so its 503 arrives rather than our timeout. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String API_KEY_HEADER = "X-API-Key";

    private final URI base;
    private final Optional<String> apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;

    OmsServer(URI base, Optional<String> apiKey, Duration requestTimeout) {
        this.base = requireNonNull(base, "base is null");
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI base() {
        return base;
    }

    ServerAnswer get(String path) {
        return send("GET", path, null);
    }

    /** Sends {@code body} (or nothing, when null) to {@code path} under the base URL. */
    ServerAnswer send(String method, String path, ObjectNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        apiKey.ifPresent(key -> request.header(API_KEY_HEADER, key));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(text(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            throw new ClientFailure(ClientExitCode.UNAVAILABLE, noAnswer(method));
        } catch (IOException e) {
            throw unreachable(cause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientFailure(ClientExitCode.FAILED, "interrupted while waiting for " + base);
        }
        return ServerAnswer.of(method, path, apiKey.isPresent(), response.statusCode(), response.body());
    }

    private String noAnswer(String method) {
        String what = "no answer from " + base + " within " + requestTimeout.toSeconds() + " s";
        if (method.equals("GET")) {
            return what + "; the server may be overloaded: try again, and check its log";
        }
        return what + "; the request may or may not have taken effect: check (e.g. 'oms orders show ID' or 'oms"
                + " orders list') before repeating it; a submit with the same --client-order-id is safe to repeat";
    }

    private ClientFailure unreachable(String why) {
        return new ClientFailure(
                ClientExitCode.UNREACHABLE,
                "cannot reach the OpenOMS server at " + base + " (" + why + "); is 'oms run' running at " + base
                        + "? (set --url or " + ServerOptions.URL_VARIABLE + ")");
    }

    private static String cause(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "unknown host";
            }
            root = t;
        }
        if (e instanceof ConnectException) {
            return e.getMessage() == null
                    ? "connection refused"
                    : e.getMessage().toLowerCase(Locale.ROOT);
        }
        String message = root.getMessage();
        return message == null || message.isBlank()
                ? root.getClass().getSimpleName()
                : message.toLowerCase(Locale.ROOT);
    }

    /** {@code path?name=value&...} with the values URL-encoded; null values are left out. */
    static String path(String path, Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joined.add(encode(name) + "=" + encode(value));
            }
        });
        return path + joined;
    }

    /** One path segment, such as an order id, encoded. */
    static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
