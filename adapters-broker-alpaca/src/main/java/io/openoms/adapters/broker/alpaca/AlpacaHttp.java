package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's REST calls: {@code <api url>/v2/<path>}, the key pair in the {@code APCA-API-KEY-ID} and
 * {@code APCA-API-SECRET-KEY} headers (never in a URL, a log line or a message), JSON bodies.
 * Commands (POST, PATCH, DELETE) go through a client that never retries on its own and follows no
 * redirect, so a placement is sent at most once per call. A 429 holds the broker's budget back in
 * the guard. Permits for the calls the gateway is asked for are the caller's ({@code
 * BrokerDispatcher}); the extra look-ups the adapter makes on its own ({@link #getExtra}) take one
 * permit each here.
 */
final class AlpacaHttp {
    static final String BROKER = "alpaca";
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaHttp.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration EXTRA_PERMIT_WAIT = Duration.ofSeconds(2);

    private final AlpacaConfig config;
    private final Optional<RateLimitGuard> rateLimits;
    private final OkHttpClient queries;
    private final OkHttpClient commands;
    private final HttpUrl root;

    AlpacaHttp(AlpacaConfig config, OkHttpClient base, Optional<RateLimitGuard> rateLimits) {
        this.config = requireNonNull(config, "config is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.queries = requireNonNull(base, "base is null")
                .newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                .build();
        this.commands = queries.newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.root = HttpUrl.get(config.apiUrl().toString());
    }

    BrokerResult<JsonNode> get(String path, List<Map.Entry<String, String>> query) {
        HttpUrl.Builder url = url(path);
        query.forEach(parameter -> url.addQueryParameter(parameter.getKey(), parameter.getValue()));
        return call(queries, new Request.Builder().url(url.build()).get(), EndpointFamily.QUERIES);
    }

    /** A GET the adapter makes on its own (not asked for by the dispatcher): it takes its own permit. */
    BrokerResult<JsonNode> getExtra(String path, List<Map.Entry<String, String>> query) {
        if (rateLimits.isPresent()) {
            RateLimitDecision decision;
            try {
                decision = rateLimits
                        .get()
                        .acquire(BROKER, EndpointFamily.QUERIES, RequestPriority.NORMAL, EXTRA_PERMIT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return BrokerResult.rateLimited(Optional.empty(), "interrupted waiting for an Alpaca permit");
            }
            if (decision instanceof RateLimitDecision.Refused refused) {
                return BrokerResult.rateLimited(Optional.empty(), "no Alpaca permit: " + refused.reason());
            }
        }
        return get(path, query);
    }

    BrokerResult<JsonNode> post(String path, JsonNode body, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).post(json(body)), family);
    }

    BrokerResult<JsonNode> patch(String path, JsonNode body, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).patch(json(body)), family);
    }

    BrokerResult<JsonNode> delete(String path, EndpointFamily family) {
        return call(commands, new Request.Builder().url(url(path).build()).delete(), family);
    }

    private BrokerResult<JsonNode> call(OkHttpClient client, Request.Builder builder, EndpointFamily family) {
        Request request = builder.header("APCA-API-KEY-ID", config.keyId())
                .header("APCA-API-SECRET-KEY", config.secretKey())
                .header("Accept", "application/json")
                .header("User-Agent", "openoms-alpaca")
                .build();
        int status;
        String text;
        Optional<Duration> retryAfter;
        try (Response response = client.newCall(request).execute()) {
            status = response.code();
            text = response.body().string();
            retryAfter = retryAfter(response.header("Retry-After"));
        } catch (IOException e) {
            LOG.debug("Alpaca {} {} failed: {}", request.method(), request.url().encodedPath(), e.toString());
            return AlpacaErrorClassifier.ioFailure(e);
        }
        if (status == 204 || (status >= 200 && status < 300 && text.isBlank())) {
            return BrokerResult.success(NullNode.getInstance());
        }
        if (status >= 200 && status < 300) {
            try {
                return BrokerResult.success(AlpacaJson.parse(text));
            } catch (AlpacaPayloadException e) {
                return AlpacaErrorClassifier.unparseable(status, e.getMessage());
            }
        }
        Optional<String> code = Optional.empty();
        Optional<String> message = Optional.empty();
        try {
            JsonNode body = AlpacaJson.parse(text);
            if (body.isObject()) {
                code = AlpacaJson.text(body, "code");
                message = AlpacaJson.text(body, "message").map(this::redact).map(AlpacaJson::abbreviate);
            }
        } catch (AlpacaPayloadException e) {
            message = Optional.of("non-JSON body");
        }
        BrokerResult<JsonNode> result = AlpacaErrorClassifier.classify(status, code, message, retryAfter);
        if (result instanceof BrokerResult.RateLimited<JsonNode> limited) {
            Duration backoff = retryAfter.orElse(config.rateLimitBackoff());
            rateLimits.ifPresent(guard -> guard.penalize(BROKER, family, backoff));
            LOG.warn("Alpaca rate-limited {} ({}); holding calls back for {}", family, limited.reason(), backoff);
        }
        return result;
    }

    /** Removes the secret from text Alpaca sent back, should it ever be echoed. */
    String redact(String text) {
        return text.replace(config.secretKey(), "***");
    }

    private HttpUrl.Builder url(String path) {
        return root.newBuilder().addPathSegment("v2").addPathSegments(path);
    }

    private static RequestBody json(JsonNode body) {
        return RequestBody.create(AlpacaJson.write(body), JSON);
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
