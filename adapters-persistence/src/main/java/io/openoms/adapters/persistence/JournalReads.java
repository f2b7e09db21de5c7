package io.openoms.adapters.persistence;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.port.out.JournalRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads the journal back: records, and orders rebuilt by replaying their events. */
final class JournalReads {
    static final String RECORD_COLUMNS =
            "e.global_seq, e.order_id, e.order_seq, e.event_type, e.payload_version, e.payload, e.recorded_at";

    private JournalReads() {}

    static JournalRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
        int version = rs.getInt("payload_version");
        if (version != OrderEventCodec.PAYLOAD_VERSION) {
            throw new IllegalStateException("stored event " + rs.getLong("global_seq") + " has payload version "
                    + version + "; this version of OpenOMS reads version " + OrderEventCodec.PAYLOAD_VERSION);
        }
        OrderEvent event = OrderEventCodec.decode(
                ClientOrderId.of(rs.getString("order_id")),
                rs.getLong("order_seq"),
                rs.getString("event_type"),
                rs.getString("payload"));
        return new JournalRecord(rs.getLong("global_seq"), event, Sql.instant(rs, "recorded_at"));
    }

    static List<JournalRecord> eventsOf(Handle handle, ClientOrderId orderId) {
        return handle.createQuery("SELECT " + RECORD_COLUMNS
                        + " FROM order_events e WHERE e.order_id = :order_id ORDER BY e.order_seq")
                .bind("order_id", orderId.value())
                .map(JournalReads::record)
                .list();
    }

    static List<JournalRecord> readAfter(Handle handle, long afterSequence, int limit) {
        return handle.createQuery("SELECT " + RECORD_COLUMNS
                        + " FROM order_events e WHERE e.global_seq > :after ORDER BY e.global_seq LIMIT :limit")
                .bind("after", afterSequence)
                .bind("limit", limit)
                .map(JournalReads::record)
                .list();
    }

    /** The orders with {@code ids}, replayed from their events, in the order of {@code ids}; unknown ids are left out. */
    static List<Order> orders(Handle handle, List<String> ids) {
        Map<String, List<OrderEvent>> events = new LinkedHashMap<>();
        ids.forEach(id -> events.put(id, new ArrayList<>()));
        for (List<String> chunk : Sql.chunks(ids)) {
            handle.createQuery("SELECT " + RECORD_COLUMNS
                            + " FROM order_events e WHERE e.order_id IN (<ids>) ORDER BY e.order_id, e.order_seq")
                    .bindList("ids", chunk)
                    .map(JournalReads::record)
                    .forEach(r -> events.get(r.event().orderId().value()).add(r.event()));
        }
        List<Order> orders = new ArrayList<>();
        events.forEach((id, orderEvents) -> {
            if (!orderEvents.isEmpty()) {
                orders.add(replay(id, orderEvents));
            }
        });
        return orders;
    }

    static Order replay(String id, List<OrderEvent> events) {
        try {
            return Order.replay(events);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the journal of order " + id + " does not replay: " + e.getMessage(), e);
        }
    }
}
