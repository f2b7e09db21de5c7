package io.openoms.adapters.broker.zerodha;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kite Connect session: the login URL, the exchange of a request token for the day's access
 * token, the token's expiry (06:00 IST after the login) and the session's health.
 *
 * <p>Once Kite refuses the token ({@code TokenException}) the session stays
 * {@link KiteSessionState#RELOGIN_REQUIRED} and the adapter sends nothing until a new token is
 * activated. A token given through configuration has no known login time; its expiry is counted
 * from when it was activated, and Kite's refusal ends it earlier if it is older. Listeners
 * ({@link #onChange}) hear of every refusal and every activation, so the kill switch can stop trading
 * the moment Kite refuses the token rather than at the next broker query.
 *
 * <p>Thread safety: safe from any thread; the state is one immutable snapshot.
 */
public final class KiteSession {
    private static final Logger LOG = LoggerFactory.getLogger(KiteSession.class);

    private final KiteConfig config;
    private final OkHttpClient http;
    private final Clock clock;
    private final List<Consumer<KiteSessionHealth>> listeners = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    public KiteSession(KiteConfig config, OkHttpClient http, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.http = requireNonNull(http, "http is null")
                .newBuilder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.writeTimeout())
                .callTimeout(config.callTimeout())
                .build();
        this.snapshot = config.accessToken()
                .map(token -> Snapshot.active(token, expiresAt(clock.instant())))
                .orElse(Snapshot.NONE);
    }

    /**
     * Tells {@code listener} the session's health after Kite first refuses the token and after every
     * activation of a token; it runs on the thread that saw the change (an HTTP caller's), so it
     * must not block.
     */
    public void onChange(Consumer<KiteSessionHealth> listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** The browser login page for this app: {@code <login url>?v=3&api_key=<key>}. */
    public URI loginUrl() {
        return loginUrl(config.loginUrl(), config.apiKey());
    }

    public static URI loginUrl(URI loginBase, String apiKey) {
        requireNonNull(loginBase, "loginBase is null");
        requireNonNull(apiKey, "apiKey is null");
        HttpUrl base = HttpUrl.get(loginBase.toString());
        return base.newBuilder()
                .addQueryParameter("v", "3")
                .addQueryParameter("api_key", apiKey)
                .build()
                .uri();
    }

    /** Lowercase hex SHA-256 of {@code apiKey + requestToken + apiSecret}, Kite's login checksum. */
    public static String checksum(String apiKey, String requestToken, String apiSecret) {
        return sha256Hex(requireNonNull(apiKey, "apiKey is null")
                + requireNonNull(requestToken, "requestToken is null")
                + requireNonNull(apiSecret, "apiSecret is null"));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** When a token from a login at {@code loginTime} expires: the next 06:00 IST after it. */
    public Instant expiresAt(Instant loginTime) {
        ZonedDateTime login = requireNonNull(loginTime, "loginTime is null").atZone(KiteConfig.IST);
        ZonedDateTime sameDay = login.toLocalDate().atTime(config.tokenExpiry()).atZone(KiteConfig.IST);
        return (sameDay.isAfter(login) ? sameDay : sameDay.plusDays(1)).toInstant();
    }

    /** True when there is no token or its expiry is at or before {@code now}. */
    public boolean isExpired(Instant now) {
        requireNonNull(now, "now is null");
        Snapshot current = snapshot;
        return current.accessToken.isEmpty() || !now.isBefore(current.expiresAt.orElseThrow());
    }

    /**
     * Exchanges a request token (from the login redirect) for the day's access token
     * ({@code POST /session/token}) and activates it. A request token works once and only for a
     * few minutes, so the call is never retried.
     */
    public KiteAccessGrant exchange(String requestToken) throws KiteLoginException {
        requireNonNull(requestToken, "requestToken is null");
        if (requestToken.isBlank()) {
            throw new KiteLoginException("the request token is empty");
        }
        String apiSecret = config.apiSecret()
                .orElseThrow(() -> new KiteLoginException(
                        "apiSecret (" + KiteConfig.ENV_API_SECRET + ") is needed to exchange a request token"));
        Request request = new Request.Builder()
                .url(HttpUrl.get(config.apiUrl().toString())
                        .newBuilder()
                        .addPathSegments("session/token")
                        .build())
                .header("X-Kite-Version", "3")
                .post(new FormBody.Builder()
                        .add("api_key", config.apiKey())
                        .add("request_token", requestToken.strip())
                        .add("checksum", checksum(config.apiKey(), requestToken.strip(), apiSecret))
                        .build())
                .build();
        JsonNode body;
        int code;
        try (Response response = http.newCall(request).execute()) {
            code = response.code();
            ResponseBody responseBody = response.body();
            String text = responseBody.string();
            try {
                body = KiteJson.parse(text);
            } catch (KitePayloadException e) {
                throw new KiteLoginException(
                        "Kite answered the token exchange with HTTP " + code + " and " + e.getMessage());
            }
        } catch (IOException e) {
            throw new KiteLoginException(
                    "the token exchange failed: " + e.getClass().getSimpleName(), e);
        }
        if (code != 200 || !"success".equals(KiteJson.text(body, "status").orElse(""))) {
            String type = KiteJson.text(body, "error_type").orElse("unknown error");
            String message = KiteJson.text(body, "message").orElse("no message");
            throw new KiteLoginException(
                    "Kite refused the request token (HTTP " + code + ", " + type + "): " + redact(message, apiSecret));
        }
        JsonNode data = body.path("data");
        String accessToken = KiteJson.text(data, "access_token")
                .orElseThrow(() -> new KiteLoginException("Kite's session reply has no access_token"));
        String userId = KiteJson.text(data, "user_id").orElse("unknown");
        Instant loginTime =
                KiteJson.text(data, "login_time").flatMap(KiteTimestamps::parse).orElseGet(clock::instant);
        KiteAccessGrant grant = new KiteAccessGrant(userId, accessToken, loginTime);
        activate(grant);
        return grant;
    }

    /** Uses {@code grant}'s token from now on, expiring 06:00 IST after its login time. */
    public void activate(KiteAccessGrant grant) {
        requireNonNull(grant, "grant is null");
        snapshot = Snapshot.active(grant.accessToken(), expiresAt(grant.loginTime()));
        LOG.info("Kite session of {} active until {}", grant.userId(), snapshot.expiresAt.orElseThrow());
        changed();
    }

    /** Kite refused the token: stop sending until a new one is activated. */
    public void invalidate(String reason) {
        requireNonNull(reason, "reason is null");
        Snapshot current = snapshot;
        snapshot = current.refused(reason);
        if (current.refusal.isEmpty()) {
            LOG.warn("Kite session refused, re-login required: {}", reason);
            changed();
        }
    }

    private void changed() {
        KiteSessionHealth health = health();
        for (Consumer<KiteSessionHealth> listener : listeners) {
            try {
                listener.accept(health);
            } catch (RuntimeException e) {
                LOG.error("a Kite session listener failed", e);
            }
        }
    }

    /**
     * Kite refused the token that produced {@code authorization}: invalidates the session unless a
     * newer token was activated meanwhile (a late refusal of an old token must not end a new login).
     */
    void invalidate(String authorization, String reason) {
        Snapshot current = snapshot;
        Optional<String> currentAuthorization =
                current.accessToken.map(token -> "token " + config.apiKey() + ":" + token);
        if (currentAuthorization.isPresent() && currentAuthorization.get().equals(authorization)) {
            invalidate(reason);
        }
    }

    public KiteSessionState state() {
        Snapshot current = snapshot;
        if (current.accessToken.isEmpty() || current.refusal.isPresent()) {
            return KiteSessionState.RELOGIN_REQUIRED;
        }
        return isExpired(clock.instant()) ? KiteSessionState.EXPIRED : KiteSessionState.AUTHENTICATED;
    }

    /** The state with its expiry and what a human should do. */
    public KiteSessionHealth health() {
        Snapshot current = snapshot;
        KiteSessionState state = state();
        String detail =
                switch (state) {
                    case AUTHENTICATED -> "session active until " + current.expiresAt.orElseThrow();
                    case EXPIRED -> "the access token expired at " + current.expiresAt.orElseThrow()
                            + "; log in again (oms zerodha login-url, then oms zerodha session --request-token)";
                    case RELOGIN_REQUIRED -> current.refusal
                            .map(reason -> "Kite refused the access token (" + reason + "); log in again")
                            .orElse("no access token; log in (oms zerodha login-url, then oms zerodha session"
                                    + " --request-token)");
                };
        return new KiteSessionHealth(state, current.expiresAt, detail);
    }

    /** {@code token api_key:access_token} while authenticated, else empty. */
    Optional<String> authorization() {
        Snapshot current = snapshot;
        if (state() != KiteSessionState.AUTHENTICATED) {
            return Optional.empty();
        }
        return current.accessToken.map(token -> "token " + config.apiKey() + ":" + token);
    }

    /** The access token while authenticated (the WebSocket carries it in its URL). */
    Optional<String> accessToken() {
        Snapshot current = snapshot;
        return state() == KiteSessionState.AUTHENTICATED ? current.accessToken : Optional.empty();
    }

    /** {@code text} with the access token and the api secret replaced by {@code ***}. */
    String redact(String text) {
        return redact(
                redact(text, snapshot.accessToken.orElse(null)),
                config.apiSecret().orElse(null));
    }

    static String redact(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "***");
    }

    private record Snapshot(Optional<String> accessToken, Optional<Instant> expiresAt, Optional<String> refusal) {
        static final Snapshot NONE = new Snapshot(Optional.empty(), Optional.empty(), Optional.empty());

        static Snapshot active(String token, Instant expiresAt) {
            return new Snapshot(Optional.of(token), Optional.of(expiresAt), Optional.empty());
        }

        Snapshot refused(String reason) {
            return new Snapshot(accessToken, expiresAt, Optional.of(reason));
        }

        @Override
        public String toString() {
            return "Snapshot{token=" + accessToken.map(t -> "***").orElse("<none>") + ", expiresAt=" + expiresAt
                    + ", refusal=" + refusal + "}";
        }
    }
}
