package io.openoms.app.config;

import java.time.Duration;

/**
 * Kite Connect credentials, endpoints and the app's Kite schedules; read only when {@code broker.type}
 * is {@code zerodha}. The adapter's other settings keep {@code KiteConfig}'s defaults (docs/zerodha.md).
 *
 * @param apiKey {@code broker.zerodha.api-key}, {@code OMS_KITE_API_KEY}
 * @param apiSecret {@code broker.zerodha.api-secret}, {@code OMS_KITE_API_SECRET}
 * @param accessToken {@code broker.zerodha.access-token}, {@code OMS_KITE_ACCESS_TOKEN} (the day's session)
 * @param apiUrl {@code broker.zerodha.api-url}, {@code OMS_KITE_API_URL} (default {@code https://api.kite.trade})
 * @param wsUrl {@code broker.zerodha.ws-url}, {@code OMS_KITE_WS_URL} (default {@code wss://ws.kite.trade})
 * @param loadInstruments {@code broker.zerodha.load-instruments}: fetch Kite's instruments file into the
 *     instrument store at start-up and every day after (default true)
 * @param priceRefresh {@code broker.zerodha.price-refresh}: how often last prices are fetched (default
 *     1s, at least 1s: Kite allows one quote call per second)
 * @param readTimeout {@code broker.zerodha.read-timeout}: how long a Kite call waits for its answer before
 *     its outcome counts as unknown (default 7s, 1s-60s)
 * @param tokenCheck {@code broker.zerodha.token-check}: how often the token file is checked for a newer
 *     login written by {@code oms zerodha session} (default 30s)
 */
public record ZerodhaConfig(
        Secret apiKey,
        Secret apiSecret,
        Secret accessToken,
        String apiUrl,
        String wsUrl,
        boolean loadInstruments,
        Duration priceRefresh,
        Duration readTimeout,
        Duration tokenCheck) {
    public static final ZerodhaConfig DEFAULT =
            credentials(Secret.NONE, Secret.NONE, Secret.NONE, "https://api.kite.trade", "wss://ws.kite.trade");

    public ZerodhaConfig {
        apiKey = apiKey == null ? Secret.NONE : apiKey;
        apiSecret = apiSecret == null ? Secret.NONE : apiSecret;
        accessToken = accessToken == null ? Secret.NONE : accessToken;
        if (apiUrl == null || !(apiUrl.startsWith("https://") || apiUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("api-url: must be an http(s) URL, got '" + apiUrl + "'");
        }
        if (wsUrl == null || !(wsUrl.startsWith("wss://") || wsUrl.startsWith("ws://"))) {
            throw new IllegalArgumentException("ws-url: must be a ws(s) URL, got '" + wsUrl + "'");
        }
        Durations.require("price-refresh", priceRefresh, Duration.ofSeconds(1), Duration.ofHours(1));
        Durations.require("read-timeout", readTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60));
        Durations.require("token-check", tokenCheck, Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** The given credentials and endpoints with the default schedules. */
    public static ZerodhaConfig credentials(
            Secret apiKey, Secret apiSecret, Secret accessToken, String apiUrl, String wsUrl) {
        return new ZerodhaConfig(
                apiKey,
                apiSecret,
                accessToken,
                apiUrl,
                wsUrl,
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(7),
                Duration.ofSeconds(30));
    }

    public ZerodhaConfig withSchedules(
            boolean newLoadInstruments, Duration newPriceRefresh, Duration newReadTimeout, Duration newTokenCheck) {
        return new ZerodhaConfig(
                apiKey,
                apiSecret,
                accessToken,
                apiUrl,
                wsUrl,
                newLoadInstruments,
                newPriceRefresh,
                newReadTimeout,
                newTokenCheck);
    }
}
