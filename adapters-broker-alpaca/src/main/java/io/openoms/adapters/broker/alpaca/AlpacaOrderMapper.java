package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Alpaca's order, execution and position shapes to and from OpenOMS's. Every field read is checked:
 * a missing id, symbol, side, status or quantity, a quantity that is not a number, or a fill larger
 * than the order is an {@link AlpacaPayloadException}, never a guess.
 *
 * <table>
 *   <caption>Alpaca status → OpenOMS status</caption>
 *   <tr><td>{@code new}, {@code accepted}, {@code pending_new}, {@code accepted_for_bidding},
 *       {@code done_for_day}, {@code stopped}, {@code suspended}, {@code calculated}, anything
 *       unknown</td><td>{@code ACCEPTED} ({@code PARTIALLY_FILLED} when something is filled)</td></tr>
 *   <tr><td>{@code partially_filled}</td><td>{@code PARTIALLY_FILLED}</td></tr>
 *   <tr><td>{@code filled}</td><td>{@code FILLED}</td></tr>
 *   <tr><td>{@code pending_cancel}</td><td>{@code PENDING_CANCEL}</td></tr>
 *   <tr><td>{@code pending_replace}, {@code replaced}</td><td>{@code PENDING_MODIFY}</td></tr>
 *   <tr><td>{@code canceled}</td><td>{@code CANCELLED}</td></tr>
 *   <tr><td>{@code expired}</td><td>{@code EXPIRED}</td></tr>
 *   <tr><td>{@code rejected}</td><td>{@code REJECTED}</td></tr>
 * </table>
 */
final class AlpacaOrderMapper {
    private static final java.util.regex.Pattern UUID_SHAPE = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final AlpacaConfig config;
    private final AlpacaSymbols symbols;

    AlpacaOrderMapper(AlpacaConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.symbols = new AlpacaSymbols(config.equityExchange());
    }

    AlpacaSymbols symbols() {
        return symbols;
    }

    /** A request body, or why the order cannot be sent to Alpaca. */
    record Translation(Optional<ObjectNode> body, Optional<String> refusal) {
        static Translation of(ObjectNode body) {
            return new Translation(Optional.of(body), Optional.empty());
        }

        static Translation refused(String why) {
            return new Translation(Optional.empty(), Optional.of(why));
        }
    }

    /**
     * {@code POST /v2/orders}: the order with our client order id as Alpaca's {@code client_order_id}.
     * Alpaca has no good-till-date: a {@code GTD} stock order whose expiry falls on today's New York date
     * goes as {@code day}, any other {@code GTD} order as {@code gtc}, and OpenOMS cancels it at its
     * expiry (the order monitor expires it).
     */
    Translation placement(Order order, Instant now) {
        String symbol;
        try {
            symbol = symbols.alpacaSymbol(order.instrument());
        } catch (IllegalArgumentException e) {
            return Translation.refused(e.getMessage());
        }
        boolean crypto = AlpacaSymbols.isCrypto(order.instrument());
        Optional<String> tif = timeInForce(order, crypto, now);
        if (tif.isEmpty()) {
            return Translation.refused("Alpaca has no time in force " + order.timeInForce() + " for "
                    + (crypto ? "crypto (gtc, ioc)" : "stocks (day, gtc, ioc)"));
        }
        if (crypto && order.type() == OrderType.STOP) {
            return Translation.refused("Alpaca takes no stop (market) orders for crypto; use STOP_LIMIT");
        }
        boolean fractional = order.quantity().value().stripTrailingZeros().scale() > 0;
        if (fractional && !crypto && !tif.get().equals("day")) {
            return Translation.refused("Alpaca takes fractional stock orders with time in force DAY only");
        }
        ObjectNode body = AlpacaJson.object();
        body.put("symbol", symbol);
        body.put("qty", plain(order.quantity().value()));
        body.put("side", order.side() == Side.BUY ? "buy" : "sell");
        body.put("type", type(order.type()));
        body.put("time_in_force", tif.get());
        order.limitPrice().ifPresent(price -> body.put("limit_price", plain(price.value())));
        order.triggerPrice().ifPresent(price -> body.put("stop_price", plain(price.value())));
        body.put("client_order_id", order.id().value());
        return Translation.of(body);
    }

    /**
     * {@code PATCH /v2/orders/{id}}: the new total quantity and prices. A partly filled order is not
     * replaced: whether Alpaca's replacement counts the old order's fills is not documented, and a
     * wrong guess would over- or under-fill; cancel it and place the rest instead.
     */
    Translation replacement(Order order, OrderModification modification) {
        if (order.filledQuantity().isPositive()) {
            return Translation.refused("Alpaca replaces an order with a new one; OpenOMS does not replace a"
                    + " partly filled order (filled " + order.filledQuantity() + "): cancel it and place the rest");
        }
        ObjectNode body = AlpacaJson.object();
        modification.quantity().ifPresent(q -> body.put("qty", plain(q.value())));
        modification.limitPrice().ifPresent(p -> body.put("limit_price", plain(p.value())));
        modification.triggerPrice().ifPresent(p -> body.put("stop_price", plain(p.value())));
        body.put("client_order_id", replacementClientOrderId(order));
        return Translation.of(body);
    }

    /** Ours, with the replacement's number: unique at Alpaca, and readable by a person. */
    static String replacementClientOrderId(Order order) {
        return order.id().value() + ".r" + (order.modificationCount() + 1);
    }

    /** One Alpaca order object as the broker's view, under Alpaca's own id. */
    BrokerOrder order(JsonNode node) throws AlpacaPayloadException {
        if (node == null || !node.isObject()) {
            throw new AlpacaPayloadException("an order is not an object");
        }
        BrokerOrderId id = brokerOrderId(AlpacaJson.requiredText(node, "id"));
        Optional<ClientOrderId> clientOrderId =
                AlpacaJson.text(node, "client_order_id").flatMap(AlpacaOrderMapper::clientOrderId);
        InstrumentId instrument = symbols.instrument(
                AlpacaJson.requiredText(node, "symbol"),
                AlpacaJson.text(node, "asset_class").orElse(""));
        Side side = side(AlpacaJson.requiredText(node, "side"));
        String typeText = AlpacaJson.text(node, "type")
                .or(() -> AlpacaJson.text(node, "order_type"))
                .orElseThrow(() -> new AlpacaPayloadException("type is missing"));
        OrderType type = orderType(typeText);
        BigDecimal filled = nonNegative(AlpacaJson.decimal(node, "filled_qty").orElse(BigDecimal.ZERO), "filled_qty");
        // A notional order has no quantity until it fills: what filled is then all there is.
        BigDecimal quantity = nonNegative(AlpacaJson.decimal(node, "qty").orElse(filled), "qty");
        if (filled.compareTo(quantity) > 0) {
            throw new AlpacaPayloadException(
                    "filled_qty " + filled.toPlainString() + " exceeds qty " + quantity.toPlainString());
        }
        String brokerStatus = AlpacaJson.requiredText(node, "status").toLowerCase(Locale.ROOT);
        OrderStatus status = status(brokerStatus, filled.signum() > 0);
        BigDecimal cancelled = status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED
                ? quantity.subtract(filled)
                : BigDecimal.ZERO;
        Instant updatedAt = AlpacaJson.instant(node, "updated_at")
                .or(() -> instantOrEmpty(node, "submitted_at"))
                .or(() -> instantOrEmpty(node, "created_at"))
                .orElseThrow(() -> new AlpacaPayloadException("updated_at is missing"));
        Optional<Price> average = AlpacaJson.decimal(node, "filled_avg_price")
                .filter(p -> p.signum() > 0)
                .map(Price::of);
        return new BrokerOrder(
                id,
                clientOrderId,
                AlpacaJson.text(node, "client_order_id"),
                instrument,
                side,
                type,
                config.product(),
                Quantity.of(quantity),
                Quantity.of(filled),
                Quantity.of(cancelled),
                positivePrice(node, "limit_price"),
                positivePrice(node, "stop_price"),
                average,
                status,
                brokerStatus,
                Optional.empty(),
                updatedAt);
    }

    /** A {@code fill} or {@code partial_fill} event of the stream: one execution under its {@code execution_id}. */
    BrokerTrade streamedFill(JsonNode event, BrokerOrder order) throws AlpacaPayloadException {
        String executionId = AlpacaJson.requiredText(event, "execution_id");
        BigDecimal quantity = AlpacaJson.requiredDecimal(event, "qty");
        BigDecimal price = AlpacaJson.requiredDecimal(event, "price");
        Instant at = AlpacaJson.instant(event, "timestamp")
                .orElseThrow(() -> new AlpacaPayloadException("timestamp is missing"));
        return trade(executionId, order.brokerOrderId(), order.instrument(), order.side(), quantity, price, at);
    }

    /**
     * One {@code FILL} account activity. Its id is {@code <time>::<execution id>}; the execution id
     * alone is the trade id, so the stream's fill and the activity's are one fill.
     */
    BrokerTrade activity(JsonNode node) throws AlpacaPayloadException {
        if (node == null || !node.isObject()) {
            throw new AlpacaPayloadException("an activity is not an object");
        }
        String id = AlpacaJson.requiredText(node, "id");
        int separator = id.lastIndexOf("::");
        String executionId = separator >= 0 ? id.substring(separator + 2) : id;
        InstrumentId instrument = symbols.instrument(
                AlpacaJson.requiredText(node, "symbol"),
                AlpacaJson.text(node, "asset_class").orElse(""));
        Instant at = AlpacaJson.instant(node, "transaction_time")
                .orElseThrow(() -> new AlpacaPayloadException("transaction_time is missing"));
        return trade(
                executionId,
                brokerOrderId(AlpacaJson.requiredText(node, "order_id")),
                instrument,
                side(AlpacaJson.requiredText(node, "side")),
                AlpacaJson.requiredDecimal(node, "qty"),
                AlpacaJson.requiredDecimal(node, "price"),
                at);
    }

    /** One open position: signed by its {@code side} (Alpaca sends short quantities negative, or not). */
    BrokerPosition position(JsonNode node) throws AlpacaPayloadException {
        if (node == null || !node.isObject()) {
            throw new AlpacaPayloadException("a position is not an object");
        }
        InstrumentId instrument = symbols.instrument(
                AlpacaJson.requiredText(node, "symbol"),
                AlpacaJson.text(node, "asset_class").orElse(""));
        BigDecimal quantity = AlpacaJson.requiredDecimal(node, "qty").abs();
        String side = AlpacaJson.text(node, "side").orElse("long").toLowerCase(Locale.ROOT);
        if (!side.equals("long") && !side.equals("short")) {
            throw new AlpacaPayloadException("position side is neither long nor short: " + side);
        }
        return new BrokerPosition(
                instrument,
                config.product(),
                side.equals("short") ? quantity.negate() : quantity,
                positivePrice(node, "avg_entry_price"));
    }

    static Optional<String> timeInForce(Order order, boolean crypto, Instant now) {
        return switch (order.timeInForce()) {
            case DAY -> crypto ? Optional.empty() : Optional.of("day");
            case IOC -> Optional.of("ioc");
            case GTC -> Optional.of("gtc");
            case GTD -> {
                boolean today = order.expiresAt()
                        .map(expiry -> expiry.atZone(AlpacaConfig.NEW_YORK)
                                .toLocalDate()
                                .equals(now.atZone(AlpacaConfig.NEW_YORK).toLocalDate()))
                        .orElse(false);
                yield Optional.of(!crypto && today ? "day" : "gtc");
            }
        };
    }

    static String type(OrderType type) {
        return switch (type) {
            case MARKET -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case STOP_LIMIT -> "stop_limit";
        };
    }

    static OrderStatus status(String brokerStatus, boolean somethingFilled) {
        return switch (brokerStatus) {
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "pending_cancel" -> OrderStatus.PENDING_CANCEL;
            case "pending_replace", "replaced" -> OrderStatus.PENDING_MODIFY;
            case "canceled" -> OrderStatus.CANCELLED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            default -> somethingFilled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        };
    }

    private BrokerTrade trade(
            String executionId,
            BrokerOrderId order,
            InstrumentId instrument,
            Side side,
            BigDecimal quantity,
            BigDecimal price,
            Instant at)
            throws AlpacaPayloadException {
        if (quantity.signum() <= 0) {
            throw new AlpacaPayloadException("fill " + executionId + ": qty must be positive");
        }
        if (price.signum() <= 0) {
            throw new AlpacaPayloadException("fill " + executionId + ": price must be positive");
        }
        TradeId tradeId;
        try {
            tradeId = TradeId.of(executionId);
        } catch (IllegalArgumentException e) {
            throw new AlpacaPayloadException("execution id: " + e.getMessage());
        }
        Fill fill = new Fill(tradeId, Quantity.of(quantity), Price.of(price), Money.ZERO, at, Optional.empty());
        return new BrokerTrade(order, instrument, side, config.product(), fill);
    }

    private static Optional<Instant> instantOrEmpty(JsonNode node, String field) {
        try {
            return AlpacaJson.instant(node, field);
        } catch (AlpacaPayloadException e) {
            return Optional.empty();
        }
    }

    private static Optional<Price> positivePrice(JsonNode node, String field) throws AlpacaPayloadException {
        Optional<BigDecimal> value = AlpacaJson.decimal(node, field);
        if (value.isPresent() && value.get().signum() <= 0) {
            throw new AlpacaPayloadException(
                    field + " must be positive, got " + value.get().toPlainString());
        }
        return value.map(Price::of);
    }

    private static BigDecimal nonNegative(BigDecimal value, String field) throws AlpacaPayloadException {
        if (value.signum() < 0) {
            throw new AlpacaPayloadException(field + " is negative: " + value.toPlainString());
        }
        return value;
    }

    static BrokerOrderId brokerOrderId(String text) throws AlpacaPayloadException {
        try {
            return BrokerOrderId.of(text);
        } catch (IllegalArgumentException e) {
            throw new AlpacaPayloadException("order id: " + e.getMessage());
        }
    }

    /**
     * Ours when it is one of our ids: Alpaca gives an order placed without a {@code client_order_id}
     * (the dashboard, another tool) a UUID, which OpenOMS never uses; such an order is foreign.
     */
    private static Optional<ClientOrderId> clientOrderId(String text) {
        if (UUID_SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClientOrderId.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Side side(String text) throws AlpacaPayloadException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "buy" -> Side.BUY;
            case "sell", "sell_short" -> Side.SELL;
            default -> throw new AlpacaPayloadException("side is neither buy nor sell: " + AlpacaJson.abbreviate(text));
        };
    }

    static OrderType orderType(String text) throws AlpacaPayloadException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "market" -> OrderType.MARKET;
            case "limit" -> OrderType.LIMIT;
                // a trailing stop is a stop whose trigger Alpaca moves; stop_price shows where it stands
            case "stop", "trailing_stop" -> OrderType.STOP;
            case "stop_limit" -> OrderType.STOP_LIMIT;
            default -> throw new AlpacaPayloadException("unknown order type: " + AlpacaJson.abbreviate(text));
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
