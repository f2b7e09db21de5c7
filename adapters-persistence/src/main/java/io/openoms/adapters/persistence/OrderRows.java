package io.openoms.adapters.persistence;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code orders} row of an order: every field of the aggregate flattened into columns for
 * queries, plus the derived figures (filled, remaining, average price, fees). Orders are read back
 * by replaying their events, so this row is a projection; {@code version} is the last event's
 * sequence and guards against lost updates.
 */
final class OrderRows {
    static final List<String> COLUMNS = List.of(
            "order_id",
            "broker",
            "broker_order_id",
            "account",
            "strategy",
            "instrument",
            "side",
            "order_type",
            "quantity",
            "limit_price",
            "trigger_price",
            "time_in_force",
            "expires_at",
            "product",
            "tag",
            "parent_order_id",
            "reduce_only",
            "stop_loss",
            "take_profit",
            "status",
            "previous_status",
            "filled_quantity",
            "remaining_quantity",
            "average_fill_price",
            "fees",
            "fill_count",
            "rejection_source",
            "rejection_check",
            "rejection_reason",
            "last_cancel_rejection",
            "last_modify_rejection",
            "error_reason",
            "pending_quantity",
            "pending_limit_price",
            "pending_trigger_price",
            "cancel_locked_until",
            "modify_locked_until",
            "outcome_unknown_operation",
            "outcome_unknown_reason",
            "outcome_unknown_since",
            "modification_count",
            "created_at",
            "updated_at",
            "version");

    static final String INSERT = "INSERT INTO orders (" + String.join(", ", COLUMNS) + ") VALUES ("
            + COLUMNS.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";

    static final String UPDATE = "UPDATE orders SET "
            + COLUMNS.stream()
                    .filter(c -> !c.equals("order_id"))
                    .map(c -> c + " = :" + c)
                    .collect(Collectors.joining(", "))
            + " WHERE order_id = :order_id AND version = :expected_version";

    private OrderRows() {}

    static Map<String, Object> values(Order order, String broker) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("order_id", order.id().value());
        v.put("broker", broker);
        v.put("broker_order_id", order.brokerOrderId().map(id -> id.value()).orElse(null));
        v.put("account", order.account().value());
        v.put("strategy", order.strategy().value());
        v.put("instrument", order.instrument().toString());
        v.put("side", order.side().name());
        v.put("order_type", order.type().name());
        v.put("quantity", order.quantity().value());
        v.put("limit_price", price(order.limitPrice()));
        v.put("trigger_price", price(order.triggerPrice()));
        v.put("time_in_force", order.timeInForce().name());
        v.put("expires_at", Sql.timestamp(order.expiresAt()));
        v.put("product", order.product().code());
        v.put("tag", order.tag().orElse(null));
        v.put("parent_order_id", order.parentOrderId().map(id -> id.value()).orElse(null));
        v.put("reduce_only", order.reduceOnly());
        v.put("stop_loss", price(order.stopLoss()));
        v.put("take_profit", price(order.takeProfit()));
        v.put("status", order.status().name());
        v.put("previous_status", order.previousStatus().map(Enum::name).orElse(null));
        v.put("filled_quantity", order.filledQuantity().value());
        v.put("remaining_quantity", order.remainingQuantity().value());
        v.put("average_fill_price", price(order.averageFillPrice()));
        v.put("fees", order.totalFees().amount());
        v.put("fill_count", order.fills().size());
        Optional<Rejection> rejection = order.rejection();
        v.put("rejection_source", rejection.map(r -> r.source().name()).orElse(null));
        v.put("rejection_check", rejection.flatMap(Rejection::check).orElse(null));
        v.put("rejection_reason", rejection.map(Rejection::reason).orElse(null));
        v.put("last_cancel_rejection", order.lastCancelRejection().orElse(null));
        v.put("last_modify_rejection", order.lastModifyRejection().orElse(null));
        v.put("error_reason", order.errorReason().orElse(null));
        Optional<OrderModification> pending = order.pendingModification();
        v.put(
                "pending_quantity",
                pending.flatMap(OrderModification::quantity).map(q -> q.value()).orElse(null));
        v.put("pending_limit_price", price(pending.flatMap(OrderModification::limitPrice)));
        v.put("pending_trigger_price", price(pending.flatMap(OrderModification::triggerPrice)));
        v.put("cancel_locked_until", Sql.timestamp(order.cancelLockedUntil()));
        v.put("modify_locked_until", Sql.timestamp(order.modifyLockedUntil()));
        Optional<UnknownOutcome> unknown = order.outcomeUnknown();
        v.put(
                "outcome_unknown_operation",
                unknown.map(u -> u.operation().name()).orElse(null));
        v.put("outcome_unknown_reason", unknown.map(UnknownOutcome::reason).orElse(null));
        v.put("outcome_unknown_since", Sql.timestamp(unknown.map(UnknownOutcome::since)));
        v.put("modification_count", order.modificationCount());
        v.put("created_at", Sql.timestamp(order.createdAt()));
        v.put("updated_at", Sql.timestamp(order.updatedAt()));
        v.put("version", order.lastSequence());
        return v;
    }

    private static BigDecimal price(Optional<Price> price) {
        return price.map(Price::value).orElse(null);
    }
}
