package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.VenueFaults;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated account's sessions: the configured access token is valid from the start; a login
 * (a request token exchanged with a valid checksum) replaces it with a new one; an expiry invalidates
 * every token and expires the venue's session too, so the venue refuses calls as well. A session the
 * venue expired on its own counts as expired here. Thread safety: safe from any thread.
 */
final class KiteSessions {
    private final KiteSimulatorConfig config;
    private final VenueFaults venueFaults;
    private final Set<String> accessTokens = new HashSet<>();
    private final Set<String> requestTokens = new HashSet<>();
    private String currentToken;
    private long logins;
    private long requests;

    KiteSessions(KiteSimulatorConfig config, VenueFaults venueFaults) {
        this.config = requireNonNull(config, "config is null");
        this.venueFaults = requireNonNull(venueFaults, "venueFaults is null");
        this.currentToken = config.accessToken();
        accessTokens.add(currentToken);
    }

    synchronized String issueRequestToken() {
        String token = "kitesimrequest" + ++requests;
        requestTokens.add(token);
        return token;
    }

    synchronized String currentToken() {
        return currentToken;
    }

    synchronized boolean isValid(String apiKey, String accessToken) {
        return config.apiKey().equals(apiKey) && accessTokens.contains(accessToken) && !venueFaults.sessionExpired();
    }

    /** Checks an {@code Authorization: token api_key:access_token} header; throws a TokenException otherwise. */
    void authorize(String header) {
        String prefix = "token ";
        if (header == null || !header.startsWith(prefix) || header.indexOf(':') < 0) {
            throw new KiteApiException(KiteError.token());
        }
        String credentials = header.substring(prefix.length());
        int colon = credentials.indexOf(':');
        if (!isValid(credentials.substring(0, colon), credentials.substring(colon + 1))) {
            throw new KiteApiException(KiteError.token());
        }
    }

    synchronized void expire() {
        accessTokens.clear();
        venueFaults.expireSession();
    }

    /**
     * {@code POST /session/token}: exchanges a single-use request token for a new access token when
     * the checksum is SHA-256 of api_key + request_token + api_secret.
     */
    synchronized Map<String, Object> login(KiteForms form, Instant now) {
        String apiKey = form.require("api_key");
        String requestToken = form.require("request_token");
        String checksum = form.require("checksum");
        if (!apiKey.equals(config.apiKey())) {
            throw new KiteApiException(KiteError.of(403, "TokenException", "Invalid `api_key`."));
        }
        if (!checksum.equals(KiteBook.sha256(apiKey + requestToken + config.apiSecret()))) {
            throw new KiteApiException(KiteError.of(403, "TokenException", "Invalid `checksum`."));
        }
        if (!requestTokens.remove(requestToken)) {
            throw new KiteApiException(KiteError.of(403, "TokenException", "Token is invalid or has expired."));
        }
        currentToken = config.accessToken() + "x" + ++logins;
        accessTokens.clear();
        accessTokens.add(currentToken);
        venueFaults.renewSession();
        Map<String, Object> data = profile();
        data.put("api_key", apiKey);
        data.put("access_token", currentToken);
        data.put("public_token", "kitesimpublic" + logins);
        data.put("enctoken", "");
        data.put("refresh_token", "");
        data.put("silo", "");
        data.put("login_time", KiteTime.timestamp(now));
        return data;
    }

    /** {@code DELETE /session/token}: the access token stops working. */
    synchronized boolean logout(KiteForms query) {
        String apiKey = query.require("api_key");
        String token = query.require("access_token");
        if (!isValid(apiKey, token)) {
            throw new KiteApiException(KiteError.token());
        }
        accessTokens.remove(token);
        return true;
    }

    Map<String, Object> profile() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", config.userId());
        data.put("user_type", "individual");
        data.put("email", "kitesim@example.com");
        data.put("user_name", "Simulated Trader");
        data.put("user_shortname", "Simulated");
        data.put("broker", "ZERODHA");
        data.put("exchanges", List.of("NSE", "BSE", "NFO", "BFO", "CDS", "BCD", "MCX"));
        data.put("products", List.of("CNC", "NRML", "MIS", "MTF"));
        data.put("order_types", List.of("MARKET", "LIMIT", "SL", "SL-M"));
        data.put("avatar_url", null);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("demat_consent", "physical");
        data.put("meta", meta);
        return data;
    }
}
