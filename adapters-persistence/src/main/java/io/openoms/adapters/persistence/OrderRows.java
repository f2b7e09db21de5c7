package io.openoms.adapters.persistence;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.time.Instant;
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

    /** The SQL type of each column that is not text; PostgreSQL casts the text arrays of {@link #UPDATE_ARRAYS}. */
    private static final Map<String, String> TYPES = types();

    /**
     * PostgreSQL only: every row of a group updated by one statement, one text array per column
     * ({@code unnest} keeps them aligned), under the same version check; the update count is the
     * number of rows that passed it. Per-row statements cost several times the server's own work.
     */
    static final String UPDATE_ARRAYS = "UPDATE orders o SET "
            + COLUMNS.stream()
                    .filter(c -> !c.equals("order_id"))
                    .map(c -> c + " = v." + c + cast(c))
                    .collect(Collectors.joining(", "))
            + " FROM unnest("
            + COLUMNS.stream().map(c -> "?::text[]").collect(Collectors.joining(", "))
            + ", ?::text[]) AS v(" + String.join(", ", COLUMNS) + ", expected_version)"
            + " WHERE o.order_id = v.order_id AND o.version = v.expected_version::bigint";

    private OrderRows() {}

    private static Map<String, String> types() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String c : List.of(
                "quantity",
                "limit_price",
                "trigger_price",
                "stop_loss",
                "take_profit",
                "filled_quantity",
                "remaining_quantity",
                "average_fill_price",
                "fees",
                "pending_quantity",
                "pending_limit_price",
                "pending_trigger_price")) {
            types.put(c, "numeric");
        }
        for (String c : List.of(
                "expires_at",
                "cancel_locked_until",
                "modify_locked_until",
                "outcome_unknown_since",
                "created_at",
                "updated_at")) {
            types.put(c, "timestamptz");
        }
        types.put("reduce_only", "boolean");
        types.put("fill_count", "integer");
        types.put("modification_count", "integer");
        types.put("version", "bigint");
        return Map.copyOf(types);
    }

    private static String cast(String column) {
        String type = TYPES.get(column);
        return type == null ? "" : "::" + type;
    }

    /** The row's values as bound one row per statement: instants become UTC timestamps. */
    static Map<String, Object> arguments(Map<String, Object> values) {
        Map<String, Object> arguments = new LinkedHashMap<>(values);
        arguments.replaceAll(
                (column, value) -> "timestamptz".equals(TYPES.get(column)) ? Sql.timestamp((Instant) value) : value);
        return arguments;
    }

    /** A value as the text PostgreSQL parses back exactly (decimals without exponent, instants in ISO-8601 UTC). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** The row's values: instants as {@link Instant}, decimals as {@link BigDecimal}; see {@link #arguments}. */
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
        v.put("expires_at", order.expiresAt().orElse(null));
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
        v.put("cancel_locked_until", order.cancelLockedUntil().orElse(null));
        v.put("modify_locked_until", order.modifyLockedUntil().orElse(null));
        Optional<UnknownOutcome> unknown = order.outcomeUnknown();
        v.put(
                "outcome_unknown_operation",
                unknown.map(u -> u.operation().name()).orElse(null));
        v.put("outcome_unknown_reason", unknown.map(UnknownOutcome::reason).orElse(null));
        v.put("outcome_unknown_since", unknown.map(UnknownOutcome::since).orElse(null));
        v.put("modification_count", order.modificationCount());
        v.put("created_at", order.createdAt());
        v.put("updated_at", order.updatedAt());
        v.put("version", order.lastSequence());
        return v;
    }

    private static BigDecimal price(Optional<Price> price) {
        return price.map(Price::value).orElse(null);
    }
}
