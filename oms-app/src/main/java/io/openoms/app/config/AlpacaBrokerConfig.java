package io.openoms.app.config;

import java.time.Duration;

/**
 * Alpaca credentials, endpoints and the app's Alpaca schedules; read only when {@code broker.type} is
 * {@code alpaca}. The adapter's other settings keep {@code AlpacaConfig}'s defaults (docs/alpaca.md).
 *
 * @param keyId {@code broker.alpaca.key-id}, {@code OMS_ALPACA_KEY_ID}
 * @param secretKey {@code broker.alpaca.secret-key}, {@code OMS_ALPACA_SECRET_KEY}
 * @param apiUrl {@code broker.alpaca.api-url}, {@code OMS_ALPACA_API_URL}: the REST host root (default the
 *     paper endpoint {@code https://paper-api.alpaca.markets}; the adapter adds {@code /v2/…})
 * @param streamUrl {@code broker.alpaca.stream-url}, {@code OMS_ALPACA_STREAM_URL}: the full {@code
 *     trade_updates} URL (default {@code wss://paper-api.alpaca.markets/stream})
 * @param equityExchange {@code broker.alpaca.equity-exchange}: the exchange code of US stocks in instrument
 *     ids (default {@code US}, as in {@code US:AAPL}); crypto is always {@code CRYPTO:BTC-USD}
 * @param loadInstruments {@code broker.alpaca.load-instruments}: load {@code /v2/assets} into the
 *     instrument store at start-up and daily (default true)
 * @param priceRefresh {@code broker.alpaca.price-refresh}: how often the positions' current prices are
 *     read as last prices (default 5s, at least 1s)
 * @param readTimeout {@code broker.alpaca.read-timeout}: how long a call waits for its answer before its
 *     outcome counts as unknown (default 10s, 1s-60s)
 */
public record AlpacaBrokerConfig(
        Secret keyId,
        Secret secretKey,
        String apiUrl,
        String streamUrl,
        String equityExchange,
        boolean loadInstruments,
        Duration priceRefresh,
        Duration readTimeout) {
    public static final AlpacaBrokerConfig DEFAULT = new AlpacaBrokerConfig(
            Secret.NONE,
            Secret.NONE,
            "https://paper-api.alpaca.markets",
            "wss://paper-api.alpaca.markets/stream",
            "US",
            true,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    public AlpacaBrokerConfig {
        keyId = keyId == null ? Secret.NONE : keyId;
        secretKey = secretKey == null ? Secret.NONE : secretKey;
        if (apiUrl == null || !(apiUrl.startsWith("https://") || apiUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("api-url: must be an http(s) URL, got '" + apiUrl + "'");
        }
        if (streamUrl == null || !(streamUrl.startsWith("wss://") || streamUrl.startsWith("ws://"))) {
            throw new IllegalArgumentException("stream-url: must be a ws(s) URL, got '" + streamUrl + "'");
        }
        if (equityExchange == null || !equityExchange.matches("[A-Z0-9_]{1,16}")) {
            throw new IllegalArgumentException(
                    "equity-exchange: must be 1-16 capitals, digits or _, got '" + equityExchange + "'");
        }
        Durations.require("price-refresh", priceRefresh, Duration.ofSeconds(1), Duration.ofHours(1));
        Durations.require("read-timeout", readTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
