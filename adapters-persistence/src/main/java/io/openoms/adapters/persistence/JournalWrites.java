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
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes one group of journal batches inside the caller's transaction: the events (one batched,
 * multi-row insert), the fills of the {@code OrderFilled} events, each changed order once (its last
 * state, inserted or updated under an optimistic version check) and each changed position once.
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
     */
    static int write(
            Handle handle,
            List<JournalBatch> group,
            String broker,
            long firstGlobalSequence,
            Instant recordedAt,
            Consumer<Handle> afterEvents) {
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
        Map<String, Long> stored = lockVersions(handle, List.copyOf(orders.keySet()));
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            long storedVersion = stored.getOrDefault(entry.getKey(), 0L);
            if (storedVersion != entry.getValue()) {
                throw new JournalException("optimistic concurrency conflict on order " + entry.getKey()
                        + ": stored version " + storedVersion + ", the batch expects " + entry.getValue());
            }
        }

        insertEvents(handle, events, firstGlobalSequence, recordedAt);
        afterEvents.accept(handle);
        insertFills(handle, events, orders, broker, firstGlobalSequence);
        writeOrders(handle, orders, expected, broker);
        writePositions(handle, positions);
        return events.size();
    }

    private static Map<String, Long> lockVersions(Handle handle, List<String> ids) {
        Map<String, Long> versions = new HashMap<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            handle.createQuery("SELECT order_id, version FROM orders WHERE order_id IN (<ids>) FOR UPDATE")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getLong("version")))
                    .forEach(e -> versions.put(e.getKey(), e.getValue()));
        }
        return versions;
    }

    private static void insertEvents(Handle handle, List<OrderEvent> events, long firstGlobalSequence, Instant at) {
        if (events.isEmpty()) {
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
            Handle handle, Map<String, Order> orders, Map<String, Long> expected, String broker) {
        PreparedBatch inserts = handle.prepareBatch(OrderRows.INSERT);
        PreparedBatch updates = handle.prepareBatch(OrderRows.UPDATE);
        List<String> updated = new ArrayList<>();
        for (Order order : orders.values()) {
            Map<String, Object> values = OrderRows.values(order, broker);
            long expectedVersion = expected.get(order.id().value());
            if (expectedVersion == 0) {
                inserts.bindMap(values).add();
            } else {
                updates.bindMap(values)
                        .bind("expected_version", expectedVersion)
                        .add();
                updated.add(order.id().value());
            }
        }
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            int[] counts = updates.execute();
            // Updates are never rewritten into one statement, so their counts are real; 0 means the
            // version moved under us despite the lock (another writer without it): refuse.
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new JournalException("optimistic concurrency conflict on order " + updated.get(i)
                            + ": its stored version changed during the commit");
                }
            }
        }
    }

    private static void writePositions(Handle handle, Map<PositionRows.Identity, Position> positions) {
        if (positions.isEmpty()) {
            return;
        }
        Set<PositionRows.Identity> existing = new HashSet<>();
        List<String> openingTrades = positions.keySet().stream()
                .map(PositionRows.Identity::openingTradeId)
                .distinct()
                .toList();
        for (List<String> chunk : Sql.chunks(openingTrades)) {
            handle.createQuery("SELECT " + String.join(", ", PositionRows.IDENTITY)
                            + " FROM positions WHERE opening_trade_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map(PositionRows::identity)
                    .forEach(existing::add);
        }
        PreparedBatch inserts = handle.prepareBatch(PositionRows.INSERT);
        PreparedBatch updates = handle.prepareBatch(PositionRows.UPDATE);
        positions.forEach((identity, position) -> {
            Map<String, Object> values = PositionRows.values(position);
            if (existing.contains(identity)) {
                updates.bindMap(values).add();
            } else {
                inserts.bindMap(values).add();
            }
        });
        if (inserts.size() > 0) {
            inserts.execute();
        }
        if (updates.size() > 0) {
            updates.execute();
        }
    }
}
