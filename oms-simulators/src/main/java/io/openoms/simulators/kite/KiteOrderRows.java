package io.openoms.simulators.kite;

import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Renders order history rows and the stream's order frames, as Kite shows them. */
final class KiteOrderRows {
    private static final String USER_CANCEL = "cancelled on request";
    private static final Set<String> EARLY_STATUSES =
            Set.of("PUT ORDER REQ RECEIVED", "VALIDATION PENDING", "OPEN PENDING", "AMO REQ RECEIVED");

    private final KiteSimulatorConfig config;
    private final KiteInstruments instruments;
    private final Consumer<String> stream;

    KiteOrderRows(KiteSimulatorConfig config, KiteInstruments instruments, Consumer<String> stream) {
        this.config = config;
        this.instruments = instruments;
        this.stream = stream;
    }

    /** Ends an order the venue never saw (a cancelled or refused AMO): all of it is cancelled, none filled. */
    void closeUnsent(KiteOrder order, String status, Optional<String> message, Instant at) {
        Map<String, Object> row = row(
                order,
                status,
                order.quantity,
                order.price,
                order.triggerPrice,
                Quantity.ZERO,
                order.quantity,
                Optional.empty(),
                message,
                at);
        order.history.add(row);
        streamRow(order, row);
    }

    void addRow(KiteOrder order, String status, Optional<String> message, Instant at) {
        order.history.add(row(
                order,
                status,
                order.quantity,
                order.price,
                order.triggerPrice,
                Quantity.ZERO,
                Quantity.ZERO,
                Optional.empty(),
                message,
                at));
    }

    void addRow(KiteOrder order, String status, BrokerOrder snapshot, Instant at) {
        order.history.add(row(
                order,
                status,
                snapshot.quantity(),
                snapshot.limitPrice(),
                snapshot.triggerPrice(),
                snapshot.filledQuantity(),
                snapshot.cancelledQuantity(),
                snapshot.averagePrice(),
                Optional.empty(),
                at));
    }

    Map<String, Object> rowOf(KiteOrder order, String status, BrokerOrder snapshot) {
        Optional<String> message = status.equals("CANCELLED")
                ? snapshot.statusMessage().filter(text -> !text.equals(USER_CANCEL))
                : snapshot.statusMessage();
        return row(
                order,
                status,
                snapshot.quantity(),
                snapshot.limitPrice(),
                snapshot.triggerPrice(),
                snapshot.filledQuantity(),
                snapshot.cancelledQuantity(),
                snapshot.averagePrice(),
                message,
                snapshot.updatedAt());
    }

    /**
     * One order row as Kite shows it. {@code pending_quantity} is quantity − filled even on a cancelled
     * or rejected order, as in Kite's own samples, so a client must derive what is left from the
     * cancelled quantity.
     */
    Map<String, Object> row(
            KiteOrder order,
            String status,
            Quantity quantity,
            Optional<Price> price,
            Optional<Price> triggerPrice,
            Quantity filled,
            Quantity cancelled,
            Optional<Price> averagePrice,
            Optional<String> message,
            Instant at) {
        boolean early = EARLY_STATUSES.contains(status);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", config.userId());
        row.put("placed_by", order.placedBy);
        row.put("order_id", order.orderId);
        row.put("exchange_order_id", early ? null : order.exchangeOrderId);
        row.put("parent_order_id", null);
        row.put("status", status);
        row.put("status_message", message.orElse(null));
        row.put("status_message_raw", message.orElse(null));
        row.put("order_timestamp", KiteTime.timestamp(order.orderTimestamp));
        row.put("exchange_update_timestamp", early ? null : KiteTime.timestamp(at));
        row.put("exchange_timestamp", early ? null : KiteTime.timestamp(order.exchangeTimestamp));
        row.put("variety", order.variety);
        row.put("modified", order.modified);
        row.put("exchange", order.instrument.exchange());
        row.put("tradingsymbol", order.instrument.symbol());
        row.put("instrument_token", instruments.token(order.instrument));
        row.put("order_type", order.orderType);
        row.put("transaction_type", order.transactionType);
        row.put("validity", order.validity);
        row.put("validity_ttl", order.validityTtl);
        row.put("product", order.product);
        row.put("quantity", quantity.value());
        row.put("disclosed_quantity", order.disclosedQuantity);
        row.put("price", price.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("trigger_price", triggerPrice.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("average_price", averagePrice.map(Price::value).orElse(BigDecimal.ZERO));
        row.put("filled_quantity", filled.value());
        row.put("pending_quantity", quantity.minus(filled).value());
        row.put("cancelled_quantity", cancelled.value());
        row.put("market_protection", order.marketProtection);
        row.put("meta", order.meta);
        row.put("tag", order.tag.orElse(null));
        row.put("tags", order.tag.map(List::of).orElse(List.of()));
        row.put("guid", order.guid);
        return java.util.Collections.unmodifiableMap(row);
    }

    void streamRow(KiteOrder order, Map<String, Object> row) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", config.userId());
        data.put("unfilled_quantity", row.get("pending_quantity"));
        data.put("app_id", Math.floorMod(config.apiKey().hashCode(), 100_000));
        data.put("checksum", sha256(order.orderId + row.get("order_timestamp") + config.apiSecret()));
        data.putAll(row);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "order");
        frame.put("data", data);
        stream.accept(KiteJson.write(frame));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
