package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.FamilyLimits;
import io.openoms.domain.value.Product;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * The Alpaca adapter's settings, checked when the record is built; a bad value is refused with a
 * message naming its key. The secret key never appears in {@link #toString()} or in any message.
 *
 * @param keyId the API key id ({@code OMS_ALPACA_KEY_ID}), sent as {@code APCA-API-KEY-ID}
 * @param secretKey the API secret key ({@code OMS_ALPACA_SECRET_KEY}), sent as {@code APCA-API-SECRET-KEY}
 * @param apiUrl the REST host root ({@code OMS_ALPACA_API_URL}); the adapter adds {@code /v2/…}
 * @param streamUrl the full {@code trade_updates} stream URL ({@code OMS_ALPACA_STREAM_URL})
 * @param product the product OpenOMS records for Alpaca orders and positions (Alpaca has none)
 * @param equityExchange the exchange code of US stocks and ETFs in OpenOMS instrument ids ({@code US}:
 *     {@code US:AAPL}); crypto pairs are always {@code CRYPTO:<base>-<quote>}
 * @param connectTimeout TCP/TLS connect timeout of every call
 * @param readTimeout socket read timeout of every call
 * @param callTimeout the whole call's deadline (0 = none)
 * @param requestsPerMinute Alpaca's per-account budget, shared by every endpoint (200)
 * @param rateLimitBackoff how long calls are held back after a 429 without {@code Retry-After}
 * @param streamInitialBackoff first reconnect delay of the stream
 * @param streamMaxBackoff cap of the reconnect delay
 * @param streamPingInterval WebSocket ping interval; a missed pong drops the connection (0 = none)
 */
public record AlpacaConfig(
        String keyId,
        String secretKey,
        URI apiUrl,
        URI streamUrl,
        Product product,
        String equityExchange,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int requestsPerMinute,
        Duration rateLimitBackoff,
        Duration streamInitialBackoff,
        Duration streamMaxBackoff,
        Duration streamPingInterval) {
    public static final URI PAPER_API_URL = URI.create("https://paper-api.alpaca.markets");
    public static final URI PAPER_STREAM_URL = URI.create("wss://paper-api.alpaca.markets/stream");
    /** US equities' day starts in New York; the rate-limit guard counts days there. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public AlpacaConfig {
        requireNonNull(keyId, "keyId is null");
        requireNonNull(secretKey, "secretKey is null");
        if (keyId.isBlank() || !keyId.strip().equals(keyId) || keyId.length() > 128) {
            throw new IllegalArgumentException(
                    "key-id (OMS_ALPACA_KEY_ID) must be a non-blank key id without surrounding spaces");
        }
        if (secretKey.isBlank() || !secretKey.strip().equals(secretKey)) {
            throw new IllegalArgumentException(
                    "secret-key (OMS_ALPACA_SECRET_KEY) must be non-blank, without surrounding spaces");
        }
        apiUrl = hostRoot(requireNonNull(apiUrl, "apiUrl is null"));
        requireNonNull(streamUrl, "streamUrl is null");
        String streamScheme = String.valueOf(streamUrl.getScheme()).toLowerCase(Locale.ROOT);
        if (!(streamScheme.equals("ws") || streamScheme.equals("wss")) || streamUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "stream-url (OMS_ALPACA_STREAM_URL) must be a ws:// or wss:// URL, got " + streamUrl);
        }
        requireNonNull(product, "product is null");
        requireNonNull(equityExchange, "equityExchange is null");
        if (!equityExchange.matches("[A-Z0-9_]{1,16}") || equityExchange.equals(AlpacaSymbols.CRYPTO)) {
            throw new IllegalArgumentException(
                    "equity-exchange must be 1-16 capitals, digits or _ and not CRYPTO, got " + equityExchange);
        }
        positive(connectTimeout, "connect-timeout");
        positive(readTimeout, "read-timeout");
        notNegative(callTimeout, "call-timeout");
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requests-per-minute must be positive, got " + requestsPerMinute);
        }
        positive(rateLimitBackoff, "rate-limit-backoff");
        positive(streamInitialBackoff, "stream-initial-backoff");
        positive(streamMaxBackoff, "stream-max-backoff");
        if (streamMaxBackoff.compareTo(streamInitialBackoff) < 0) {
            throw new IllegalArgumentException("stream-max-backoff must not be below stream-initial-backoff");
        }
        notNegative(streamPingInterval, "stream-ping-interval");
    }

    /** The paper-trading defaults for the given keys. */
    public static AlpacaConfig paper(String keyId, String secretKey) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                PAPER_API_URL,
                PAPER_STREAM_URL,
                Product.CNC,
                AlpacaSymbols.EQUITIES,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                200,
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                Duration.ofSeconds(15));
    }

    public AlpacaConfig withUrls(URI apiUrl, URI streamUrl) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                apiUrl,
                streamUrl,
                product,
                equityExchange,
                connectTimeout,
                readTimeout,
                callTimeout,
                requestsPerMinute,
                rateLimitBackoff,
                streamInitialBackoff,
                streamMaxBackoff,
                streamPingInterval);
    }

    public AlpacaConfig withTimeouts(Duration readTimeout, Duration callTimeout) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                apiUrl,
                streamUrl,
                product,
                equityExchange,
                connectTimeout,
                readTimeout,
                callTimeout,
                requestsPerMinute,
                rateLimitBackoff,
                streamInitialBackoff,
                streamMaxBackoff,
                streamPingInterval);
    }

    public AlpacaConfig withStreamBackoff(Duration initial, Duration max) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                apiUrl,
                streamUrl,
                product,
                equityExchange,
                connectTimeout,
                readTimeout,
                callTimeout,
                requestsPerMinute,
                rateLimitBackoff,
                initial,
                max,
                streamPingInterval);
    }

    public AlpacaConfig withEquityExchange(String equityExchange) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                apiUrl,
                streamUrl,
                product,
                equityExchange,
                connectTimeout,
                readTimeout,
                callTimeout,
                requestsPerMinute,
                rateLimitBackoff,
                streamInitialBackoff,
                streamMaxBackoff,
                streamPingInterval);
    }

    public AlpacaConfig withProduct(Product product) {
        return new AlpacaConfig(
                keyId,
                secretKey,
                apiUrl,
                streamUrl,
                product,
                equityExchange,
                connectTimeout,
                readTimeout,
                callTimeout,
                requestsPerMinute,
                rateLimitBackoff,
                streamInitialBackoff,
                streamMaxBackoff,
                streamPingInterval);
    }

    /**
     * Alpaca's limit for the guard: one budget of {@code requestsPerMinute} for every call, orders,
     * modifications, cancellations, queries and quotes alike (Alpaca counts per account, not per
     * endpoint).
     */
    public BrokerRateLimits rateLimits() {
        return new BrokerRateLimits(
                Map.of(EndpointFamily.QUERIES, new FamilyLimits(0, requestsPerMinute, 0)),
                Map.of(
                        EndpointFamily.ORDERS, EndpointFamily.QUERIES,
                        EndpointFamily.MODIFICATIONS, EndpointFamily.QUERIES,
                        EndpointFamily.QUOTES, EndpointFamily.QUERIES),
                0,
                NEW_YORK);
    }

    @Override
    public String toString() {
        return "AlpacaConfig[keyId=" + keyId + ", secretKey=***, apiUrl=" + apiUrl + ", streamUrl=" + streamUrl
                + ", product=" + product + ", equityExchange=" + equityExchange + ", readTimeout=" + readTimeout
                + ", requestsPerMinute=" + requestsPerMinute
                + "]";
    }

    private static URI hostRoot(URI url) {
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("api-url (OMS_ALPACA_API_URL) must be an http(s) URL, got " + url);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (!(path.isEmpty() || path.equals("/")) || url.getRawQuery() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("api-url (OMS_ALPACA_API_URL) must be the host root (the adapter adds"
                    + " /v2/...), e.g. https://paper-api.alpaca.markets, got " + url);
        }
        return URI.create(scheme + "://" + url.getRawAuthority());
    }

    private static void positive(Duration value, String key) {
        requireNonNull(value, key + " is null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    private static void notNegative(Duration value, String key) {
        requireNonNull(value, key + " is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }
}
