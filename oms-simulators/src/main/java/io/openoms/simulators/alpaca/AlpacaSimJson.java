package io.openoms.simulators.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** Alpaca's JSON shapes as the simulator writes them (orders) and reads them (request fields). */
final class AlpacaSimJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private AlpacaSimJson() {}

    static ObjectNode render(AlpacaSimOrder order, BrokerOrder snapshot) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", order.id);
        node.put("client_order_id", order.clientOrderId);
        node.put("created_at", order.createdAt.toString());
        node.put(
                "updated_at",
                snapshot.updatedAt().isBefore(order.createdAt)
                        ? order.createdAt.toString()
                        : snapshot.updatedAt().toString());
        node.put("submitted_at", order.createdAt.toString());
        node.put(
                "asset_id",
                UUID.nameUUIDFromBytes(symbol(order.instrument).getBytes()).toString());
        node.put("symbol", symbol(order.instrument));
        node.put("asset_class", order.instrument.exchange().equals("CRYPTO") ? "crypto" : "us_equity");
        node.put("qty", snapshot.quantity().value().toPlainString());
        node.putNull("notional");
        node.put("filled_qty", snapshot.filledQuantity().value().toPlainString());
        if (snapshot.averagePrice().isPresent()) {
            node.put("filled_avg_price", snapshot.averagePrice().get().value().toPlainString());
        } else {
            node.putNull("filled_avg_price");
        }
        node.put("order_class", "");
        node.put("type", order.type);
        node.put("order_type", order.type);
        node.put("side", order.side == Side.BUY ? "buy" : "sell");
        node.put("time_in_force", order.timeInForce);
        putPrice(node, "limit_price", snapshot.limitPrice());
        putPrice(node, "stop_price", snapshot.triggerPrice());
        node.put("status", order.replacedBy.isPresent() ? "replaced" : status(snapshot));
        node.put("extended_hours", false);
        if (order.replacedBy.isPresent()) {
            node.put("replaced_by", order.replacedBy.get());
        } else {
            node.putNull("replaced_by");
        }
        if (order.replaces.isPresent()) {
            node.put("replaces", order.replaces.get());
        } else {
            node.putNull("replaces");
        }
        return node;
    }

    static String status(BrokerOrder snapshot) {
        return switch (snapshot.status()) {
            case ACCEPTED -> "new";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELLED -> "canceled";
            case EXPIRED -> "expired";
            case REJECTED -> "rejected";
            case PENDING_CANCEL -> "pending_cancel";
            case PENDING_MODIFY -> "pending_replace";
            default -> "accepted";
        };
    }

    static void putPrice(ObjectNode node, String field, Optional<Price> price) {
        if (price.isPresent()) {
            node.put(field, price.get().value().toPlainString());
        } else {
            node.putNull(field);
        }
    }

    static String activityId(BrokerTrade trade) {
        return trade.fill().executedAt().toEpochMilli() + "::"
                + trade.fill().tradeId().value();
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw AlpacaApiException.unprocessable(field + " is required");
        }
        return value.asText();
    }

    static BigDecimal positive(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw AlpacaApiException.unprocessable(field + " is required");
        }
        try {
            BigDecimal decimal = new BigDecimal(value.asText());
            if (decimal.signum() <= 0) {
                throw AlpacaApiException.unprocessable(field + " must be > 0");
            }
            return decimal;
        } catch (NumberFormatException e) {
            throw AlpacaApiException.unprocessable(field + " is not a number");
        }
    }

    /** Alpaca's symbol of a listed instrument: {@code CRYPTO:BTC-USD} is {@code BTC/USD}, {@code US:AAPL} is {@code AAPL}. */
    static String symbol(InstrumentId id) {
        return id.exchange().equals("CRYPTO") ? id.symbol().replace('-', '/') : id.symbol();
    }

    static String type(OrderType type) {
        return switch (type) {
            case MARKET -> "market";
            case LIMIT -> "limit";
            case STOP -> "stop";
            case STOP_LIMIT -> "stop_limit";
        };
    }
}
