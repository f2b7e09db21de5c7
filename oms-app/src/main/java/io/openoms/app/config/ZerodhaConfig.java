package io.openoms.app.config;

/**
 * Kite Connect credentials and endpoints; read only when {@code broker.type} is {@code zerodha}.
 *
 * @param apiKey {@code broker.zerodha.api-key}, {@code OMS_KITE_API_KEY}
 * @param apiSecret {@code broker.zerodha.api-secret}, {@code OMS_KITE_API_SECRET}
 * @param accessToken {@code broker.zerodha.access-token}, {@code OMS_KITE_ACCESS_TOKEN} (the day's session)
 * @param apiUrl {@code broker.zerodha.api-url}, {@code OMS_KITE_API_URL} (default {@code https://api.kite.trade})
 * @param wsUrl {@code broker.zerodha.ws-url}, {@code OMS_KITE_WS_URL} (default {@code wss://ws.kite.trade})
 */
public record ZerodhaConfig(Secret apiKey, Secret apiSecret, Secret accessToken, String apiUrl, String wsUrl) {
    public static final ZerodhaConfig DEFAULT =
            new ZerodhaConfig(Secret.NONE, Secret.NONE, Secret.NONE, "https://api.kite.trade", "wss://ws.kite.trade");

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
    }
}
