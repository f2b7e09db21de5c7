package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates between our orders and Kite's, both ways.
 *
 * <p>To Kite: {@code MARKET}, {@code LIMIT}, {@code STOP} → {@code SL-M}, {@code STOP_LIMIT} →
 * {@code SL}; {@code DAY}, {@code IOC}, {@code GTD} → {@code TTL} in whole minutes rounded up (so
 * our own expiry at the exact instant comes first) when the expiry falls within the current
 * session; {@code GTC} is refused (Kite's only long-lived orders are GTT triggers, a separate
 * API). {@code market_protection} goes with MARKET and SL-M orders only. The variety is
 * {@code iceberg} when the order's tag asks for it, {@code amo} inside the exchange's AMO window
 * when configured, else {@code regular}.
 *
 * <p>From Kite: every documented status maps to ours; an unknown one maps to a live state, never a
 * terminal one. Timestamps are IST. What is still working is quantity − filled − cancelled, never
 * Kite's {@code pending_quantity} (not zeroed on cancelled orders); on a cancelled, rejected or
 * lapsed order the unfilled rest counts as cancelled.
 */
final class KiteOrderMapper {
    static final Set<String> PRODUCTS = Set.of("CNC", "MIS", "NRML", "MTF");

    private final KiteConfig config;
    private final KiteTagRegistry tags;
    private final Clock clock;

    KiteOrderMapper(KiteConfig config, KiteTagRegistry tags, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A placement request: the variety (URL path) and the form fields; or why Kite cannot take it. */
    record Placement(String variety, Map<String, String> form) {
        Placement {
            requireNonNull(variety, "variety is null");
            form = Map.copyOf(form);
        }
    }

    /** Either a value or the reason the order cannot be expressed at Kite. */
    record Translation<T>(Optional<T> value, Optional<String> refusal) {
        static <T> Translation<T> of(T value) {
            return new Translation<>(Optional.of(value), Optional.empty());
        }

        static <T> Translation<T> refused(String reason) {
            return new Translation<>(Optional.empty(), Optional.of(reason));
        }
    }

    Translation<Placement> placement(Order order, String tag, Instant now) {
        InstrumentId instrument = order.instrument();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tradingsymbol", instrument.symbol());
        form.put("exchange", instrument.exchange());
        form.put("transaction_type", order.side().name());
        form.put("order_type", orderType(order.type()));
        Optional<String> quantity = wholeNumber(order.quantity());
        if (quantity.isEmpty()) {
            return Translation.refused("Kite takes whole quantities only, got " + order.quantity());
        }
        form.put("quantity", quantity.get());
        String product = order.product().code();
        if (!PRODUCTS.contains(product)) {
            return Translation.refused("Kite has no product " + product + " (CNC, MIS, NRML or MTF)");
        }
        form.put("product", product);
        order.limitPrice().ifPresent(price -> form.put("price", price.toString()));
        order.triggerPrice().ifPresent(price -> form.put("trigger_price", price.toString()));
        Optional<String> refusal = validity(order, now, form);
        if (refusal.isPresent()) {
            return Translation.refused(refusal.get());
        }
        if (needsMarketProtection(order.type())) {
            form.put("market_protection", config.marketProtection().toPlainString());
        }
        form.put("tag", tag);
        config.algoId().ifPresent(algoId -> form.put("algo_id", algoId));

        Optional<Integer> icebergLegs = icebergLegs(order);
        if (icebergLegs.isPresent()) {
            int legs = icebergLegs.get();
            if (legs < 2 || legs > 50) {
                return Translation.refused("Kite iceberg orders take 2 to 50 legs, got " + legs);
            }
            BigDecimal[] perLeg = order.quantity().value().divideAndRemainder(BigDecimal.valueOf(legs));
            if (perLeg[1].signum() != 0) {
                return Translation.refused(
                        "iceberg quantity " + order.quantity() + " does not split into " + legs + " equal legs");
            }
            form.put("iceberg_legs", Integer.toString(legs));
            form.put("iceberg_quantity", perLeg[0].toPlainString());
            return Translation.of(new Placement("iceberg", form));
        }
        return Translation.of(new Placement(variety(instrument, now), form));
    }

    /** The form of a modification: the order's current values with the modification applied. */
    Translation<Map<String, String>> modification(Order order, OrderModification modification) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("order_type", orderType(order.type()));
        Quantity quantity = modification.quantity().orElse(order.quantity());
        Optional<String> whole = wholeNumber(quantity);
        if (whole.isEmpty()) {
            return Translation.refused("Kite takes whole quantities only, got " + quantity);
        }
        form.put("quantity", whole.get());
        modification.limitPrice().or(order::limitPrice).ifPresent(price -> form.put("price", price.toString()));
        modification
                .triggerPrice()
                .or(order::triggerPrice)
                .ifPresent(price -> form.put("trigger_price", price.toString()));
        if (order.timeInForce() == TimeInForce.IOC) {
            form.put("validity", "IOC");
        } else if (order.timeInForce() == TimeInForce.DAY) {
            form.put("validity", "DAY");
        }
        if (needsMarketProtection(order.type())) {
            form.put("market_protection", config.marketProtection().toPlainString());
        }
        return Translation.of(form);
    }

    BrokerOrder order(JsonNode row) throws KitePayloadException {
        if (row == null || !row.isObject()) {
            throw new KitePayloadException("an order is not a JSON object");
        }
        BrokerOrderId id = brokerOrderId(KiteJson.requiredText(row, "order_id"));
        InstrumentId instrument = instrument(row);
        Side side = side(KiteJson.requiredText(row, "transaction_type"));
        OrderType type = orderType(KiteJson.requiredText(row, "order_type"));
        Product product = Product.of(KiteJson.requiredText(row, "product"));
        Quantity quantity = quantity(row, "quantity");
        Quantity filled = quantity(row, "filled_quantity");
        Quantity reportedCancelled = quantity(row, "cancelled_quantity");
        if (filled.isGreaterThan(quantity)) {
            throw new KitePayloadException("order " + id + ": filled " + filled + " exceeds quantity " + quantity);
        }
        String brokerStatus = KiteJson.requiredText(row, "status");
        OrderStatus status = status(brokerStatus, filled, quantity, config.lapsedIsTerminal());
        Quantity unfilled = quantity.minus(filled);
        Quantity cancelled =
                status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED || status == OrderStatus.EXPIRED
                        ? unfilled
                        : reportedCancelled.min(unfilled);
        Optional<String> tag = KiteJson.text(row, "tag");
        Optional<ClientOrderId> clientOrderId = tag.flatMap(tags::clientOrderId);
        if (clientOrderId.isEmpty()) {
            clientOrderId = ourTagAmong(row.get("tags"));
            if (clientOrderId.isPresent()) {
                tag = Optional.of(KiteTag.of(clientOrderId.get()));
            }
        }
        Instant updatedAt = KiteJson.text(row, "exchange_update_timestamp")
                .flatMap(KiteTimestamps::parse)
                .or(() -> KiteJson.text(row, "exchange_timestamp").flatMap(KiteTimestamps::parse))
                .or(() -> KiteJson.text(row, "order_timestamp").flatMap(KiteTimestamps::parse))
                .orElseGet(clock::instant);
        return new BrokerOrder(
                id,
                clientOrderId,
                tag,
                instrument,
                side,
                type,
                product,
                quantity,
                filled,
                cancelled,
                positivePrice(row, "price"),
                positivePrice(row, "trigger_price"),
                positivePrice(row, "average_price"),
                status,
                brokerStatus,
                KiteJson.text(row, "status_message").or(() -> KiteJson.text(row, "status_message_raw")),
                updatedAt);
    }

    BrokerTrade trade(JsonNode row) throws KitePayloadException {
        if (row == null || !row.isObject()) {
            throw new KitePayloadException("a trade is not a JSON object");
        }
        String tradeId = KiteJson.requiredText(row, "trade_id");
        BrokerOrderId orderId = brokerOrderId(KiteJson.requiredText(row, "order_id"));
        Quantity quantity = quantity(row, "quantity");
        if (!quantity.isPositive()) {
            throw new KitePayloadException("trade " + tradeId + ": quantity must be positive");
        }
        BigDecimal price = KiteJson.decimal(row, "average_price")
                .orElseThrow(() -> new KitePayloadException("trade " + tradeId + ": average_price is missing"));
        Instant executedAt = KiteJson.text(row, "fill_timestamp")
                .flatMap(KiteTimestamps::parse)
                .or(() -> KiteJson.text(row, "exchange_timestamp").flatMap(KiteTimestamps::parse))
                .orElseGet(clock::instant);
        Fill fill;
        try {
            fill = new Fill(TradeId.of(tradeId), quantity, Price.of(price), Money.ZERO, executedAt, Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new KitePayloadException("trade " + KiteJson.abbreviate(tradeId) + ": " + e.getMessage());
        }
        return new BrokerTrade(
                orderId,
                instrument(row),
                side(KiteJson.requiredText(row, "transaction_type")),
                Product.of(KiteJson.requiredText(row, "product")),
                fill);
    }

    BrokerPosition position(JsonNode row) throws KitePayloadException {
        if (row == null || !row.isObject()) {
            throw new KitePayloadException("a position is not a JSON object");
        }
        BigDecimal quantity = KiteJson.decimal(row, "quantity")
                .orElseThrow(() -> new KitePayloadException("position quantity is missing"));
        return new BrokerPosition(
                instrument(row),
                Product.of(KiteJson.requiredText(row, "product")),
                quantity,
                positivePrice(row, "average_price"));
    }

    /**
     * Kite's status as ours. In-flight states before the exchange has the order are
     * {@code SUBMITTED}; {@code UPDATE} (a postback event, not a state) and unknown strings become
     * a live state from the fills, never a terminal one.
     */
    static OrderStatus status(String kiteStatus, Quantity filled, Quantity quantity, boolean lapsedIsTerminal) {
        String status = kiteStatus.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        OrderStatus working = filled.isPositive() ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        return switch (status) {
            case "PUT ORDER REQ RECEIVED",
                    "PUT ORDER REQUEST RECEIVED",
                    "AMO REQ RECEIVED",
                    "VALIDATION PENDING",
                    "OPEN PENDING" -> filled.isPositive() ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
            case "OPEN", "TRIGGER PENDING", "MODIFIED" -> working;
            case "MODIFY VALIDATION PENDING", "MODIFY PENDING" -> OrderStatus.PENDING_MODIFY;
            case "CANCEL PENDING" -> OrderStatus.PENDING_CANCEL;
            case "COMPLETE" -> filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : working;
            case "CANCELLED", "CANCELLED AMO" -> OrderStatus.CANCELLED;
            case "REJECTED" -> OrderStatus.REJECTED;
            case "LAPSED" -> lapsedIsTerminal ? OrderStatus.EXPIRED : working;
            case "UPDATE" -> working;
            default -> filled.isPositive() ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
        };
    }

    static String orderType(OrderType type) {
        return switch (type) {
            case MARKET -> "MARKET";
            case LIMIT -> "LIMIT";
            case STOP -> "SL-M";
            case STOP_LIMIT -> "SL";
        };
    }

    static OrderType orderType(String kiteType) throws KitePayloadException {
        return switch (kiteType.strip().toUpperCase(Locale.ROOT)) {
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT" -> OrderType.LIMIT;
            case "SL-M" -> OrderType.STOP;
            case "SL" -> OrderType.STOP_LIMIT;
            default -> throw new KitePayloadException("unknown order_type " + KiteJson.abbreviate(kiteType));
        };
    }

    static boolean needsMarketProtection(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.STOP;
    }

    private Optional<String> validity(Order order, Instant now, Map<String, String> form) {
        switch (order.timeInForce()) {
            case DAY -> form.put("validity", "DAY");
            case IOC -> {
                if (order.instrument().exchange().equals("MCX")) {
                    return Optional.of("MCX does not allow IOC for algo orders");
                }
                form.put("validity", "IOC");
            }
            case GTC -> {
                return Optional.of(
                        "Kite has no good-till-cancelled regular orders (GTT triggers are a separate API); use DAY or GTD");
            }
            case GTD -> {
                Optional<Instant> expiry = order.expiresAt();
                if (expiry.isEmpty()) {
                    return Optional.of("a GTD order without an expiry");
                }
                if (!expiry.get().isAfter(now)) {
                    return Optional.of("the GTD expiry " + expiry.get() + " has passed");
                }
                Optional<Instant> close =
                        config.session(order.instrument().exchange()).flatMap(session -> session.dayOrderExpiry(now));
                if (close.isPresent() && expiry.get().isAfter(close.get())) {
                    return Optional.of("Kite's TTL validity ends with the session: the GTD expiry " + expiry.get()
                            + " is after the session close " + close.get() + "; use DAY or an earlier expiry");
                }
                long seconds = Duration.between(now, expiry.get()).toSeconds();
                long minutes = Math.max(1, (seconds + 59) / 60);
                form.put("validity", "TTL");
                form.put("validity_ttl", Long.toString(minutes));
            }
        }
        return Optional.empty();
    }

    private String variety(InstrumentId instrument, Instant now) {
        if (!config.amoOutsideMarketHours()) {
            return "regular";
        }
        Optional<TradingSession> session = config.session(instrument.exchange());
        Optional<AmoWindow> window = config.amoWindow(instrument.exchange());
        if (session.isEmpty() || window.isEmpty()) {
            return "regular";
        }
        ZonedDateTime local = now.atZone(session.get().zone());
        if (!session.get().isTradingDay(local.toLocalDate()) || window.get().contains(local.toLocalTime())) {
            return "amo";
        }
        return "regular";
    }

    private Optional<Integer> icebergLegs(Order order) {
        if (order.tag().isEmpty() || !order.tag().get().startsWith(config.icebergTagPrefix())) {
            return Optional.empty();
        }
        String legs = order.tag().get().substring(config.icebergTagPrefix().length());
        try {
            return Optional.of(Integer.parseInt(legs));
        } catch (NumberFormatException e) {
            return Optional.of(0);
        }
    }

    private Optional<ClientOrderId> ourTagAmong(JsonNode tagList) {
        if (tagList == null || !tagList.isArray()) {
            return Optional.empty();
        }
        for (JsonNode element : tagList) {
            Optional<ClientOrderId> id = tags.clientOrderId(element.asText());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> wholeNumber(Quantity quantity) {
        BigDecimal value = quantity.value();
        if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
            return Optional.of(value.toBigInteger().toString());
        }
        return Optional.empty();
    }

    private static BrokerOrderId brokerOrderId(String text) throws KitePayloadException {
        try {
            return BrokerOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw new KitePayloadException("order_id is not an id: " + KiteJson.abbreviate(text));
        }
    }

    private static InstrumentId instrument(JsonNode row) throws KitePayloadException {
        String exchange = KiteJson.requiredText(row, "exchange");
        String symbol = KiteJson.requiredText(row, "tradingsymbol");
        try {
            return InstrumentId.of(exchange, symbol);
        } catch (IllegalArgumentException e) {
            throw new KitePayloadException(e.getMessage());
        }
    }

    private static Side side(String text) throws KitePayloadException {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new KitePayloadException("unknown transaction_type " + KiteJson.abbreviate(text));
        };
    }

    private static Quantity quantity(JsonNode row, String field) throws KitePayloadException {
        BigDecimal value = KiteJson.decimalOrZero(row, field);
        if (value.signum() < 0) {
            throw new KitePayloadException(field + " is negative");
        }
        return Quantity.of(value);
    }

    private static Optional<Price> positivePrice(JsonNode row, String field) throws KitePayloadException {
        return KiteJson.decimal(row, field).filter(value -> value.signum() > 0).map(Price::of);
    }
}
