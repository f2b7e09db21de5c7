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

/**
 * Writes one group of journal batches inside the caller's transaction, append-only: the events,
 * the fills of the {@code OrderFilled} events, and each position the group changed as it stands
 * after it ({@code position_changes}). Nothing is updated and no wide row is rewritten: the
 * {@code orders} and {@code positions} tables are projections that {@link JournalProjector} brings
 * up to date in its own transactions. On PostgreSQL each table gets one {@code COPY}; on H2 one
 * JDBC batch (see {@link AppendRows}).
 *
 * <p>Duplicates are refused by constraints: an event already stored violates
 * {@code uq_order_events_order_seq} (a second creation of a client order id is the event
 * (id, 1) again), a fill already stored violates {@code pk_fills}; either aborts the transaction.
 * An order carried without events of its own in the group (its state only) must be the stored one:
 * its last journalled sequence is read and compared, so a stale state is refused and named.
 */
final class JournalWrites {
    static final List<String> EVENT_COLUMNS = List.of(
            "global_seq",
            "order_id",
            "order_seq",
            "event_type",
            "payload_version",
            "payload",
            "occurred_at",
            "recorded_at");
    static final List<String> FILL_COLUMNS = List.of(
            "broker",
            "trade_id",
            "order_id",
            "order_seq",
            "global_seq",
            "account",
            "strategy",
            "instrument",
            "side",
            "product",
            "quantity",
            "price",
            "fee",
            "liquidity",
            "executed_at");
    static final List<String> POSITION_CHANGE_COLUMNS = positionChangeColumns();

    private JournalWrites() {}

    private static List<String> positionChangeColumns() {
        List<String> columns = new ArrayList<>(List.of("change_seq", "global_seq"));
        columns.addAll(PositionRows.IDENTITY);
        columns.addAll(PositionRows.STATE);
        return List.copyOf(columns);
    }

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

    /** How many rows of each sequence a group used. */
    record Written(int events, int positionChanges) {}

    /**
     * Writes {@code group}, numbering its events from {@code firstGlobalSequence} and its position
     * changes from {@code firstChangeSequence}. Throws {@link JournalException} when an order carried
     * without events is not the stored one.
     */
    static Written write(
            Handle handle,
            List<JournalBatch> group,
            String broker,
            long firstGlobalSequence,
            long firstChangeSequence,
            Instant recordedAt,
            Consumer<Handle> afterEvents,
            boolean postgres) {
        Map<String, Order> orders = new LinkedHashMap<>();
        Set<String> withEvents = new HashSet<>();
        Map<PositionRows.Identity, Position> positions = new LinkedHashMap<>();
        AppendRows events = new AppendRows("order_events", EVENT_COLUMNS);
        List<OrderFilled> fills = new ArrayList<>();
        List<Long> fillSequences = new ArrayList<>();
        long globalSequence = firstGlobalSequence;
        for (JournalBatch batch : group) {
            for (OrderEvent event : batch.events()) {
                events.add(
                        globalSequence,
                        event.orderId().value(),
                        event.sequence(),
                        event.type(),
                        OrderEventCodec.PAYLOAD_VERSION,
                        OrderEventCodec.encode(event),
                        event.occurredAt(),
                        recordedAt);
                withEvents.add(event.orderId().value());
                if (event instanceof OrderFilled filled) {
                    fills.add(filled);
                    fillSequences.add(globalSequence);
                }
                globalSequence++;
            }
            batch.orders().forEach(order -> orders.put(order.id().value(), order));
            batch.positions().forEach(position -> positions.put(PositionRows.Identity.of(position), position));
        }
        checkUnchanged(handle, orders, withEvents);
        events.insert(handle, postgres);
        afterEvents.accept(handle);
        fillRows(fills, fillSequences, orders, broker).insert(handle, postgres);
        long lastGlobalSequence = globalSequence - 1;
        AppendRows changes = new AppendRows("position_changes", POSITION_CHANGE_COLUMNS);
        long changeSequence = firstChangeSequence;
        for (Position position : positions.values()) {
            Object[] state = PositionRows.stateRow(position);
            Object[] row = new Object[state.length + 2];
            row[0] = changeSequence++;
            row[1] = lastGlobalSequence;
            System.arraycopy(state, 0, row, 2, state.length);
            changes.add(row);
        }
        changes.insert(handle, postgres);
        return new Written(events.size(), changes.size());
    }

    private static AppendRows fillRows(
            List<OrderFilled> fills, List<Long> globalSequences, Map<String, Order> orders, String broker) {
        AppendRows rows = new AppendRows("fills", FILL_COLUMNS);
        for (int i = 0; i < fills.size(); i++) {
            OrderFilled filled = fills.get(i);
            Order order = orders.get(filled.orderId().value());
            Fill fill = filled.fill();
            rows.add(
                    broker,
                    fill.tradeId().value(),
                    filled.orderId().value(),
                    filled.sequence(),
                    globalSequences.get(i),
                    order.account().value(),
                    order.strategy().value(),
                    order.instrument().toString(),
                    order.side().name(),
                    order.product().code(),
                    fill.quantity().value(),
                    fill.price().value(),
                    fill.fee().amount(),
                    fill.liquidity().map(Enum::name).orElse(null),
                    fill.executedAt());
        }
        return rows;
    }

    /**
     * An order in the group without events of its own must stand where the journal has it: one
     * read of the last journalled sequence of those orders (rare: the engine sends state with its
     * events), compared with theirs.
     */
    private static void checkUnchanged(Handle handle, Map<String, Order> orders, Set<String> withEvents) {
        List<String> ids =
                orders.keySet().stream().filter(id -> !withEvents.contains(id)).toList();
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Long> stored = new HashMap<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            handle.createQuery("SELECT order_id, MAX(order_seq) AS last_seq FROM order_events"
                            + " WHERE order_id IN (<ids>) GROUP BY order_id")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString("order_id"), rs.getLong("last_seq")))
                    .forEach(e -> stored.put(e.getKey(), e.getValue()));
        }
        for (String id : ids) {
            long version = orders.get(id).lastSequence();
            if (!Long.valueOf(version).equals(stored.get(id))) {
                throw new JournalException(
                        "optimistic concurrency conflict on order " + id + ": the stored version is not " + version);
            }
        }
    }
}
