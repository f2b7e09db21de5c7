package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitGuard;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kite's REST transport: signs requests, reads the {@code {"status", "data"}} envelope and
 * classifies every failure. Commands (POST, PUT, DELETE) go through a client that never retries
 * and never follows redirects, because OkHttp would otherwise re-send a form body after some
 * connection failures or on a 307/308 and could place an order twice. Queries use a client with
 * OkHttp's usual connection-failure recovery (a GET is safe to repeat).
 *
 * <p>Without an authenticated session nothing is sent: the call answers {@code SessionExpired}.
 * A {@code TokenException} ends the session; a 429 holds the endpoint family back in the guard.
 *
 * <p>Thread safety: safe from any thread.
 */
final class KiteHttp {
    static final String BROKER = "zerodha";
    private static final Logger LOG = LoggerFactory.getLogger(KiteHttp.class);

    private final KiteConfig config;
    private final KiteSession session;
    private final Optional<RateLimitGuard> rateLimits;
    private final OkHttpClient queries;
    private final OkHttpClient commands;
    private final HttpUrl root;

    KiteHttp(KiteConfig config, KiteSession session, OkHttpClient base, Optional<RateLimitGuard> rateLimits) {
        this.config = requireNonNull(config, "config is null");
        this.session = requireNonNull(session, "session is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        requireNonNull(base, "base is null");
        this.queries = base.newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .build();
        this.commands = queries.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.root = HttpUrl.get(config.apiUrl().toString());
    }

    BrokerResult<JsonNode> get(String path, List<Map.Entry<String, String>> query, EndpointFamily family) {
        HttpUrl.Builder url = url(path);
        query.forEach(parameter -> url.addQueryParameter(parameter.getKey(), parameter.getValue()));
        return call(queries, new Request.Builder().url(url.build()).get(), family);
    }

    BrokerResult<JsonNode> post(String path, Map<String, String> form, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).post(form(form)), family);
    }

    BrokerResult<JsonNode> put(String path, Map<String, String> form, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).put(form(form)), family);
    }

    BrokerResult<JsonNode> delete(String path, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).delete(), family);
    }

    /** A non-JSON GET (the instruments CSV); the body bytes on HTTP 200. */
    BrokerResult<byte[]> getBytes(String path, EndpointFamily family) {
        Optional<String> authorization = session.authorization();
        if (authorization.isEmpty()) {
            return BrokerResult.sessionExpired(session.health().detail());
        }
        Request request = sign(new Request.Builder().url(url(path).build()).get(), authorization.get());
        try (Response response = queries.newCall(request).execute()) {
            byte[] bytes = response.body().bytes();
            if (response.code() == 200) {
                return BrokerResult.success(bytes);
            }
            return failure(response, new String(bytes, UTF_8), family, authorization.get());
        } catch (IOException e) {
            return KiteErrorClassifier.ioFailure(e);
        }
    }

    private BrokerResult<JsonNode> call(OkHttpClient client, Request.Builder builder, EndpointFamily family) {
        Optional<String> authorization = session.authorization();
        if (authorization.isEmpty()) {
            return BrokerResult.sessionExpired(session.health().detail());
        }
        Request request = sign(builder, authorization.get());
        String text;
        try (Response response = client.newCall(request).execute()) {
            text = response.body().string();
            if (response.code() != 200) {
                return failure(response, text, family, authorization.get());
            }
        } catch (IOException e) {
            LOG.debug("Kite {} {} failed: {}", request.method(), request.url().encodedPath(), e.toString());
            return KiteErrorClassifier.ioFailure(e);
        }
        JsonNode body;
        try {
            body = KiteJson.parse(text);
        } catch (KitePayloadException e) {
            return KiteErrorClassifier.unparseable(200, e.getMessage());
        }
        if (body.has("error_type")
                || "error".equals(KiteJson.text(body, "status").orElse(""))) {
            return classified(200, body, Optional.empty(), family, authorization.get());
        }
        if (!"success".equals(KiteJson.text(body, "status").orElse("")) || !body.has("data")) {
            return KiteErrorClassifier.unparseable(200, "no success envelope");
        }
        return BrokerResult.success(body.get("data"));
    }

    private <T> BrokerResult<T> failure(Response response, String text, EndpointFamily family, String authorization) {
        Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
        JsonNode body;
        try {
            body = KiteJson.parse(text);
        } catch (KitePayloadException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            if (response.code() == 429) {
                return rateLimited(family, retryAfter, "Kite HTTP 429 without a JSON body");
            }
            return KiteErrorClassifier.classify(
                    response.code(), Optional.empty(), Optional.of("non-JSON body"), retryAfter);
        }
        return classified(response.code(), body, retryAfter, family, authorization);
    }

    private <T> BrokerResult<T> classified(
            int code, JsonNode body, Optional<Duration> retryAfter, EndpointFamily family, String authorization) {
        Optional<String> type = KiteJson.text(body, "error_type");
        Optional<String> message = KiteJson.text(body, "message").map(session::redact);
        BrokerResult<T> result = KiteErrorClassifier.classify(code, type, message, retryAfter);
        if (result instanceof BrokerResult.RateLimited<T> limited) {
            return rateLimited(family, limited.retryAfter(), limited.reason());
        }
        if (result instanceof BrokerResult.SessionExpired<T> expired) {
            session.invalidate(authorization, expired.reason());
        }
        return result;
    }

    private <T> BrokerResult<T> rateLimited(EndpointFamily family, Optional<Duration> retryAfter, String reason) {
        Duration backoff = retryAfter.orElse(config.rateLimitBackoff());
        rateLimits.ifPresent(guard -> guard.penalize(BROKER, family, backoff));
        LOG.warn("Kite rate-limited {} ({}); holding the family back for {}", family, reason, backoff);
        return BrokerResult.rateLimited(retryAfter, reason);
    }

    private HttpUrl.Builder url(String path) {
        return root.newBuilder().addPathSegments(path);
    }

    private static Request sign(Request.Builder builder, String authorization) {
        return builder.header("X-Kite-Version", "3")
                .header("Authorization", authorization)
                .header("User-Agent", "openoms-kite")
                .build();
    }

    private static RequestBody form(Map<String, String> fields) {
        FormBody.Builder body = new FormBody.Builder();
        fields.forEach(body::add);
        return body.build();
    }

    private static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
