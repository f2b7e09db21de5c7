package io.openoms.adapters.persistence;

import static io.openoms.adapters.persistence.Json.decimal;
import static io.openoms.adapters.persistence.Json.instant;
import static io.openoms.adapters.persistence.Json.optionalDecimal;
import static io.openoms.adapters.persistence.Json.optionalInstant;
import static io.openoms.adapters.persistence.Json.optionalText;
import static io.openoms.adapters.persistence.Json.put;
import static io.openoms.adapters.persistence.Json.putOptional;
import static io.openoms.adapters.persistence.Json.required;
import static io.openoms.adapters.persistence.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderAccepted;
import io.openoms.domain.order.OrderEvent.OrderCancelRejected;
import io.openoms.domain.order.OrderEvent.OrderCancelRequested;
import io.openoms.domain.order.OrderEvent.OrderCancelled;
import io.openoms.domain.order.OrderEvent.OrderCreated;
import io.openoms.domain.order.OrderEvent.OrderErrored;
import io.openoms.domain.order.OrderEvent.OrderExpired;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.order.OrderEvent.OrderLocked;
import io.openoms.domain.order.OrderEvent.OrderModified;
import io.openoms.domain.order.OrderEvent.OrderModifyRejected;
import io.openoms.domain.order.OrderEvent.OrderModifyRequested;
import io.openoms.domain.order.OrderEvent.OrderOutcomeUnknown;
import io.openoms.domain.order.OrderEvent.OrderRejected;
import io.openoms.domain.order.OrderEvent.OrderReleased;
import io.openoms.domain.order.OrderEvent.OrderSubmitted;
import io.openoms.domain.order.OrderLock;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.RejectionSource;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stored form of {@link OrderEvent}s: one JSON object per event holding what the event
 * carries besides its order id and sequence (those are columns), keyed by {@link OrderEvent#type()}.
 * Written by hand, field by field, because stored events are a contract (docs/adr/0002): renaming
 * a record component must not silently change what is stored. Version {@value #PAYLOAD_VERSION}.
 */
final class OrderEventCodec {
    static final int PAYLOAD_VERSION = 1;

    private OrderEventCodec() {}

    static String encode(OrderEvent event) {
        ObjectNode node = Json.object();
        put(node, "occurredAt", event.occurredAt());
        if (event instanceof OrderCreated created) {
            writeRequest(node.putObject("request"), created.request());
            putOptional(node, "expiresAt", created.expiresAt(), Instant::toString);
        } else if (event instanceof OrderAccepted accepted) {
            node.put("brokerOrderId", accepted.brokerOrderId().value());
        } else if (event instanceof OrderRejected rejected) {
            Rejection rejection = rejected.rejection();
            node.put("source", rejection.source().name());
            putOptional(node, "check", rejection.check(), c -> c);
            node.put("reason", rejection.reason());
        } else if (event instanceof OrderFilled filled) {
            writeFill(node.putObject("fill"), filled.fill());
        } else if (event instanceof OrderCancelRejected rejected) {
            node.put("reason", rejected.reason());
        } else if (event instanceof OrderModifyRequested requested) {
            writeModification(node.putObject("modification"), requested.modification());
        } else if (event instanceof OrderModified modified) {
            writeModification(node.putObject("modification"), modified.modification());
        } else if (event instanceof OrderModifyRejected rejected) {
            node.put("reason", rejected.reason());
        } else if (event instanceof OrderErrored errored) {
            node.put("reason", errored.reason());
        } else if (event instanceof OrderLocked locked) {
            node.put("lock", locked.lock().name());
            put(node, "until", locked.until());
        } else if (event instanceof OrderOutcomeUnknown unknown) {
            node.put("operation", unknown.operation().name());
            node.put("reason", unknown.reason());
        } else if (!(event instanceof OrderReleased
                || event instanceof OrderSubmitted
                || event instanceof OrderCancelRequested
                || event instanceof OrderCancelled
                || event instanceof OrderExpired)) {
            throw new IllegalArgumentException("no stored form for event type " + event.type());
        }
        return Json.write(node);
    }

    static OrderEvent decode(ClientOrderId orderId, long sequence, String type, String payload) {
        JsonNode node = Json.read(payload, type + " " + orderId + "#" + sequence);
        Instant at = instant(node, "occurredAt");
        try {
            return switch (type) {
                case "OrderCreated" -> new OrderCreated(
                        orderId,
                        sequence,
                        at,
                        readRequest(required(node, "request")),
                        optionalInstant(node, "expiresAt"));
                case "OrderReleased" -> new OrderReleased(orderId, sequence, at);
                case "OrderSubmitted" -> new OrderSubmitted(orderId, sequence, at);
                case "OrderAccepted" -> new OrderAccepted(
                        orderId, sequence, at, BrokerOrderId.of(text(node, "brokerOrderId")));
                case "OrderRejected" -> new OrderRejected(
                        orderId,
                        sequence,
                        at,
                        new Rejection(
                                RejectionSource.valueOf(text(node, "source")),
                                optionalText(node, "check"),
                                text(node, "reason")));
                case "OrderFilled" -> new OrderFilled(orderId, sequence, at, readFill(required(node, "fill")));
                case "OrderCancelRequested" -> new OrderCancelRequested(orderId, sequence, at);
                case "OrderCancelled" -> new OrderCancelled(orderId, sequence, at);
                case "OrderCancelRejected" -> new OrderCancelRejected(orderId, sequence, at, text(node, "reason"));
                case "OrderModifyRequested" -> new OrderModifyRequested(
                        orderId, sequence, at, readModification(required(node, "modification")));
                case "OrderModified" -> new OrderModified(
                        orderId, sequence, at, readModification(required(node, "modification")));
                case "OrderModifyRejected" -> new OrderModifyRejected(orderId, sequence, at, text(node, "reason"));
                case "OrderExpired" -> new OrderExpired(orderId, sequence, at);
                case "OrderErrored" -> new OrderErrored(orderId, sequence, at, text(node, "reason"));
                case "OrderLocked" -> new OrderLocked(
                        orderId, sequence, at, OrderLock.valueOf(text(node, "lock")), instant(node, "until"));
                case "OrderOutcomeUnknown" -> new OrderOutcomeUnknown(
                        orderId, sequence, at, UnknownOperation.valueOf(text(node, "operation")), text(node, "reason"));
                default -> throw new IllegalStateException("unknown event type '" + type + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot read stored event " + type + " " + orderId + "#" + sequence + ": " + e.getMessage(), e);
        }
    }

    private static void writeRequest(ObjectNode node, OrderRequest request) {
        node.put("account", request.account().value());
        node.put("strategy", request.strategy().value());
        node.put("instrument", request.instrument().toString());
        node.put("side", request.side().name());
        node.put("type", request.type().name());
        put(node, "quantity", request.quantity().value());
        putOptional(node, "limitPrice", request.limitPrice(), p -> p.value().toPlainString());
        putOptional(node, "triggerPrice", request.triggerPrice(), p -> p.value().toPlainString());
        node.put("timeInForce", request.timeInForce().name());
        putOptional(node, "expiresAt", request.expiresAt(), Instant::toString);
        putOptional(node, "expiresIn", request.expiresIn(), Duration::toString);
        node.put("product", request.product().code());
        putOptional(node, "tag", request.tag(), t -> t);
        putOptional(node, "parentOrderId", request.parentOrderId(), ClientOrderId::value);
        node.put("reduceOnly", request.reduceOnly());
        putOptional(node, "stopLoss", request.stopLoss(), p -> p.value().toPlainString());
        putOptional(node, "takeProfit", request.takeProfit(), p -> p.value().toPlainString());
    }

    private static OrderRequest readRequest(JsonNode node) {
        return new OrderRequest(
                AccountId.of(text(node, "account")),
                StrategyId.of(text(node, "strategy")),
                InstrumentId.parse(text(node, "instrument")),
                Side.valueOf(text(node, "side")),
                OrderType.valueOf(text(node, "type")),
                Quantity.of(decimal(node, "quantity")),
                optionalDecimal(node, "limitPrice").map(Price::of),
                optionalDecimal(node, "triggerPrice").map(Price::of),
                TimeInForce.valueOf(text(node, "timeInForce")),
                optionalInstant(node, "expiresAt"),
                optionalText(node, "expiresIn").map(Duration::parse),
                Product.of(text(node, "product")),
                optionalText(node, "tag"),
                optionalText(node, "parentOrderId").map(ClientOrderId::of),
                Json.bool(node, "reduceOnly"),
                optionalDecimal(node, "stopLoss").map(Price::of),
                optionalDecimal(node, "takeProfit").map(Price::of));
    }

    static void writeFill(ObjectNode node, Fill fill) {
        node.put("tradeId", fill.tradeId().value());
        put(node, "quantity", fill.quantity().value());
        put(node, "price", fill.price().value());
        put(node, "fee", fill.fee().amount());
        put(node, "executedAt", fill.executedAt());
        putOptional(node, "liquidity", fill.liquidity(), LiquiditySide::name);
    }

    static Fill readFill(JsonNode node) {
        return new Fill(
                TradeId.of(text(node, "tradeId")),
                Quantity.of(decimal(node, "quantity")),
                Price.of(decimal(node, "price")),
                Money.of(decimal(node, "fee")),
                instant(node, "executedAt"),
                optionalText(node, "liquidity").map(LiquiditySide::valueOf));
    }

    private static void writeModification(ObjectNode node, OrderModification modification) {
        putOptional(node, "quantity", modification.quantity(), q -> q.value().toPlainString());
        putOptional(
                node, "limitPrice", modification.limitPrice(), p -> p.value().toPlainString());
        putOptional(node, "triggerPrice", modification.triggerPrice(), p -> p.value()
                .toPlainString());
    }

    private static OrderModification readModification(JsonNode node) {
        Optional<Quantity> quantity = optionalDecimal(node, "quantity").map(Quantity::of);
        return new OrderModification(
                quantity,
                optionalDecimal(node, "limitPrice").map(Price::of),
                optionalDecimal(node, "triggerPrice").map(Price::of));
    }
}
