package io.openoms.app.http;

import io.openoms.domain.value.StrategyId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a charting platform's alert into signals (docs/webhooks.md):
 *
 * <ul>
 *   <li>TradingView, or any platform whose alert message can be written freely: the message is a
 *       signal ({@code symbol}, {@code side}, {@code qty}, {@code reason}, optional {@code id}, …), with
 *       two kindnesses for template placeholders: {@code side} in any case ({@code
 *       {{strategy.order.action}}} gives {@code buy}), and {@code reason} defaulting to {@code webhook
 *       alert}.
 *   <li>Chartink: its scan alert ({@code stocks}, {@code trigger_prices}, {@code triggered_at}, {@code
 *       scan_name}, {@code scan_url}, {@code alert_name}) becomes one market order per stock; side and
 *       quantity cannot be in the alert, so they come from the webhook URL's query ({@code ?side=BUY&qty=1}).
 * </ul>
 *
 * <p>Any signal field may also be given in the query, as a default for what the alert leaves out.
 * Each signal gets an {@code id}, so that a re-sent alert does not trade twice: the alert's own {@code
 * id} when it has one, else a digest of (strategy, payload, stock, minute received).
 */
final class WebhookPayloads {
    static final Set<String> QUERY_FIELDS =
            Set.of("symbol", "side", "qty", "reason", "account", "product", "type", "price");
    private static final String DEFAULT_REASON = "webhook alert";

    private WebhookPayloads() {}

    static boolean isChartink(Map<String, Object> payload) {
        return payload.containsKey("stocks") && (payload.containsKey("scan_name") || payload.containsKey("scan_url"));
    }

    static List<Map<String, Object>> signals(
            Map<String, Object> payload, Map<String, String> query, String body, StrategyId strategy, Instant now) {
        if (isChartink(payload)) {
            return chartink(payload, query, body, strategy, now);
        }
        Map<String, Object> signal = new LinkedHashMap<>(payload);
        query.forEach(signal::putIfAbsent);
        normalize(signal);
        signal.putIfAbsent("id", "wh-" + digest(strategy, body, "", now));
        return List.of(signal);
    }

    private static List<Map<String, Object>> chartink(
            Map<String, Object> payload, Map<String, String> query, String body, StrategyId strategy, Instant now) {
        Object stocks = payload.get("stocks");
        List<Map<String, Object>> signals = new ArrayList<>();
        String reason = text(payload.get("alert_name")).isEmpty()
                ? text(payload.get("scan_name"))
                : text(payload.get("alert_name"));
        for (String stock : text(stocks).split(",")) {
            String symbol = stock.trim();
            if (symbol.isEmpty()) {
                continue;
            }
            Map<String, Object> signal = new LinkedHashMap<>(query);
            signal.put("symbol", symbol);
            if (!reason.isBlank()) {
                signal.putIfAbsent("reason", "chartink: " + reason);
            }
            normalize(signal);
            signal.put("id", "ck-" + digest(strategy, body, symbol, now));
            signals.add(signal);
        }
        if (signals.isEmpty()) {
            // Handed on as it is, so that the parser names what is missing.
            Map<String, Object> signal = new LinkedHashMap<>(query);
            signal.put("symbol", text(stocks));
            normalize(signal);
            signals.add(signal);
        }
        return signals;
    }

    private static void normalize(Map<String, Object> signal) {
        if (signal.get("side") instanceof String side
                && (side.equalsIgnoreCase("buy") || side.equalsIgnoreCase("sell"))) {
            signal.put("side", side.toUpperCase(Locale.ROOT));
        }
        signal.putIfAbsent("reason", DEFAULT_REASON);
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    /** Hex SHA-256 of the strategy, the payload, the stock and the minute, cut to 40 digits (160 bits). */
    private static String digest(StrategyId strategy, String body, String stock, Instant now) {
        long minute = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        String text = strategy.value() + "\n" + body + "\n" + stock + "\n" + minute;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
