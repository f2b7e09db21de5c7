package io.openoms.adapters.persistence;

import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.position.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes one group of journal batches inside the caller's transaction: the events (one batched,
 * multi-row insert), the fills of the {@code OrderFilled} events, each changed order once (its last
 * state, inserted or updated under an optimistic version check) and each changed position once.
 *
 * <p>The optimistic version check is the {@code WHERE version = ?} of each order's update (on
 * PostgreSQL one statement over arrays updates all of them, and its count must be the number of
 * orders); an order new to the group is inserted, and its primary key refuses it if it exists. No row is read or
 * locked first. The update's row lock makes a concurrent writer's update of the same row re-check
 * the version after our commit, so it finds 0 rows too.
 *
 * <p>Duplicates are found by constraints, not by update counts (a rewritten multi-row insert
 * reports none): an event already stored violates {@code uq_order_events_order_seq}, a fill
 * already stored violates {@code pk_fills}, and either aborts the transaction.
 */
final class JournalWrites {
    private static final String INSERT_EVENT = "INSERT INTO order_events "
            + "(global_seq, order_id, order_seq, event_type, payload_version, payload, occurred_at, recorded_at) "
            + "VALUES (:global_seq, :order_id, :order_seq, :event_type, :payload_version, :payload, :occurred_at,"
            + " :recorded_at)";
    private static final String INSERT_FILL = "INSERT INTO fills "
            + "(broker, trade_id, order_id, order_seq, global_seq, account, strategy, instrument, side, product,"
            + " quantity, price, fee, liquidity, executed_at) "
            + "VALUES (:broker, :trade_id, :order_id, :order_seq, :global_seq, :account, :strategy, :instrument,"
            + " :side, :product, :quantity, :price, :fee, :liquidity, :executed_at)";

    private static final String INSERT_EVENT_ARRAYS = "INSERT INTO order_events "
            + "(global_seq, order_id, order_seq, event_type, payload_version, payload, occurred_at, recorded_at) "
            + "SELECT g::bigint, o, s::bigint, t, ?, p, a::timestamptz, ? "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS v(g, o, s, t, p, a)";

    private JournalWrites() {}

    /**
     * Checks that one batch is consistent on its own, before it is queued: no event twice, every
     * order with events in the batch is in it as it stands after its last event.
     */
    static void validate(JournalBatch batch) {
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (OrderEvent event : batch.events()) {
            String key = event.orderId() + "#" + event.sequence();
            if (!keys.add(key)) {
                throw new JournalException("event " + key + " appears twice in the batch");
            }
            lastSequence.merge(event.orderId().value(), event.sequence(), Math::max);
        }
        Set<String> orderIds = new HashSet<>();
        for (Order order : batch.orders()) {
            String id = order.id().value();
            if (!orderIds.add(id)) {
                throw new JournalException("order " + id + " appears twice in the batch");
            }
            Long last = lastSequence.get(id);
            if (last != null && last != order.lastSequence()) {
                throw new JournalException("order " + id + " is at sequence " + order.lastSequence()
                        + " but the batch's last event for it is " + last);
            }
        }
        for (String id : lastSequence.keySet()) {
            if (!orderIds.contains(id)) {
                throw new JournalException("the batch has events of order " + id + " but not the order's state");
            }
        }
        Set<PositionRows.Identity> positions = new HashSet<>();
        for (Position position : batch.positions()) {
            if (!positions.add(PositionRows.Identity.of(position))) {
                throw new JournalException("position " + position.key() + " appears twice in the batch");
            }
        }
    }

    /**
     * Writes {@code group}, numbering its events from {@code firstGlobalSequence}; returns the number
     * of events written. Throws {@link JournalException} on an optimistic-concurrency conflict.
     * {@code phases} is told when each phase ends.
     */
    static int write(
            Handle handle,
            List<JournalBatch> group,
            String broker,
            long firstGlobalSequence,
            Instant recordedAt,
            Consumer<Handle> afterEvents,
            WritePhases phases,
            boolean postgres) {
        List<OrderEvent> events = new ArrayList<>();
        Map<String, Order> orders = new LinkedHashMap<>();
        Map<String, Long> firstSequence = new HashMap<>();
        Map<PositionRows.Identity, Position> positions = new LinkedHashMap<>();
        for (JournalBatch batch : group) {
            for (OrderEvent event : batch.events()) {
                events.add(event);
                firstSequence.merge(event.orderId().value(), event.sequence(), Math::min);
            }
            batch.orders().forEach(order -> orders.put(order.id().value(), order));
            batch.positions().forEach(position -> positions.put(PositionRows.Identity.of(position), position));
        }
        Map<String, Long> expected = new HashMap<>();
        orders.forEach((id, order) ->
                expected.put(id, firstSequence.containsKey(id) ? firstSequence.get(id) - 1 : order.lastSequence()));

        insertEvents(handle, events, firstGlobalSequence, recordedAt, postgres);
        afterEvents.accept(handle);
        phases.eventsWritten();
        insertFills(handle, events, orders, broker, firstGlobalSequence);
        phases.fillsWritten();
        writeOrders(handle, orders, expected, broker, postgres);
        phases.ordersWritten();
        writePositions(handle, positions);
        phases.positionsWritten();
        return events.size();
    }

    private static void insertEvents(
            Handle handle, List<OrderEvent> events, long firstGlobalSequence, Instant at, boolean postgres) {
        if (events.isEmpty()) {
            return;
        }
        if (postgres) {
            insertEventArrays(handle, events, firstGlobalSequence, at);
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT_EVENT);
        long sequence = firstGlobalSequence;
        for (OrderEvent event : events) {
            batch.bind("global_seq", sequence++)
                    .bind("order_id", event.orderId().value())
                    .bind("order_seq", event.sequence())
                    .bind("event_type", event.type())
                    .bind("payload_version", OrderEventCodec.PAYLOAD_VERSION)
                    .bind("payload", OrderEventCodec.encode(event))
                    .bind("occurred_at", Sql.timestamp(event.occurredAt()))
                    .bind("recorded_at", Sql.timestamp(at))
                    .add();
        }
        batch.execute();
    }

    /**
     * PostgreSQL: all events in one statement over one array per column, which costs the server a
     * fraction of the rewritten multi-row inserts' parsing; the unique constraints refuse
     * duplicates the same way.
     */
    private static void insertEventArrays(
            Handle handle, List<OrderEvent> events, long firstGlobalSequence, Instant at) {
        int n = events.size();
        String[] globalSequences = new String[n];
        String[] orderIds = new String[n];
        String[] orderSequences = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        String[] occurredAt = new String[n];
        for (int i = 0; i < n; i++) {
            OrderEvent event = events.get(i);
            globalSequences[i] = Long.toString(firstGlobalSequence + i);
            orderIds[i] = event.orderId().value();
            orderSequences[i] = Long.toString(event.sequence());
            types[i] = event.type();
            payloads[i] = OrderEventCodec.encode(event);
            occurredAt[i] = event.occurredAt().toString();
        }
        handle.createUpdate(INSERT_EVENT_ARRAYS)
                .bind(0, OrderEventCodec.PAYLOAD_VERSION)
                .bind(1, Sql.timestamp(at))
                .bind(2, textArray(globalSequences))
                .bind(3, textArray(orderIds))
                .bind(4, textArray(orderSequences))
                .bind(5, textArray(types))
                .bind(6, textArray(payloads))
                .bind(7, textArray(occurredAt))
                .execute();
    }

    /** A {@code text[]} parameter. */
    static Argument textArray(String[] values) {
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", values));
    }

    private static void insertFills(
            Handle handle, List<OrderEvent> events, Map<String, Order> orders, String broker, long firstGlobal) {
        PreparedBatch batch = handle.prepareBatch(INSERT_FILL);
        long sequence = firstGlobal;
        int count = 0;
        for (OrderEvent event : events) {
            long globalSequence = sequence++;
            if (!(event instanceof OrderFilled filled)) {
                continue;
            }
            Order order = orders.get(event.orderId().value());
            Fill fill = filled.fill();
            batch.bind("broker", broker)
                    .bind("trade_id", fill.tradeId().value())
                    .bind("order_id", event.orderId().value())
                    .bind("order_seq", event.sequence())
                    .bind("global_seq", globalSequence)
                    .bind("account", order.account().value())
                    .bind("strategy", order.strategy().value())
                    .bind("instrument", order.instrument().toString())
                    .bind("side", order.side().name())
                    .bind("product", order.product().code())
                    .bind("quantity", fill.quantity().value())
                    .bind("price", fill.price().value())
                    .bind("fee", fill.fee().amount())
                    .bind("liquidity", fill.liquidity().map(Enum::name).orElse(null))
                    .bind("executed_at", Sql.timestamp(fill.executedAt()))
                    .add();
            count++;
        }
        if (count > 0) {
            batch.execute();
        }
    }

    private static void writeOrders(
            Handle handle, Map<String, Order> orders, Map<String, Long> expected, String broker, boolean postgres) {
        PreparedBatch inserts = handle.prepareBatch(OrderRows.INSERT);
        List<Map<String, Object>> updates = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Order order : orders.values()) {
            Map<String, Object> values = OrderRows.values(order, broker);
            long expectedVersion = expected.get(order.id().value());
            if (expectedVersion == 0) {
                inserts.bindMap(OrderRows.arguments(values)).add();
            } else {
                values.put("expected_version", expectedVersion);
                updates.add(values);
                updated.add(order.id().value());
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.isEmpty()) {
            return;
        }
        if (postgres) {
            updateAll(handle, updates, updated, expected);
            return;
        }
        PreparedBatch batch = handle.prepareBatch(OrderRows.UPDATE);
        updates.forEach(values -> batch.bindMap(OrderRows.arguments(values)).add());
        int[] counts = batch.execute();
        // The version check is the update itself: reWriteBatchedInserts rewrites only inserts, so
        // these counts are real, and 0 means the stored version is not the one the batch expects.
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                throw conflict(updated.get(i), expected);
            }
        }
    }

    private static void updateAll(
            Handle handle, List<Map<String, Object>> updates, List<String> ids, Map<String, Long> expected) {
        List<String> columns = new ArrayList<>(OrderRows.COLUMNS);
        columns.add("expected_version");
        Update statement = handle.createUpdate(OrderRows.UPDATE_ARRAYS);
        for (int c = 0; c < columns.size(); c++) {
            String[] values = new String[updates.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = OrderRows.text(updates.get(r).get(columns.get(c)));
            }
            statement.bind(c, textArray(values));
        }
        int count = statement.execute();
        if (count != ids.size()) {
            // Name one order whose stored version is not the expected one (ids are distinct, so some is).
            Map<String, Long> stored = new HashMap<>();
            handle.createQuery("SELECT order_id, version FROM orders WHERE order_id = ANY(:ids)")
                    .bindArray("ids", String.class, ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getLong("version")))
                    .forEach(e -> stored.put(e.getKey(), e.getValue()));
            String id = ids.stream()
                    .filter(i -> !expected.get(i).equals(stored.get(i)))
                    .findFirst()
                    .orElse(ids.get(0));
            throw conflict(id, expected);
        }
    }

    private static JournalException conflict(String id, Map<String, Long> expected) {
        return new JournalException(
                "optimistic concurrency conflict on order " + id + ": the stored version is not " + expected.get(id));
    }

    /**
     * Updates the positions that exist and inserts the others: an update of a missing row counts 0
     * (update counts are real, only inserts are rewritten), which saves looking them up first.
     */
    private static void writePositions(Handle handle, Map<PositionRows.Identity, Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows =
                positions.values().stream().map(PositionRows::values).toList();
        PreparedBatch updates = handle.prepareBatch(PositionRows.UPDATE);
        rows.forEach(values -> updates.bindMap(values).add());
        int[] counts = updates.execute();
        PreparedBatch inserts = handle.prepareBatch(PositionRows.INSERT);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.bindMap(rows.get(i)).add();
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
    }
}
