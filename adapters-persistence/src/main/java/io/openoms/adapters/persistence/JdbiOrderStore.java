package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Orders as last journalled. The {@code orders} table, a projection of the journal, finds them (by
 * status, broker order id, the query criteria) once it is caught up; each one is then rebuilt by
 * replaying its events, because the aggregate is defined by its events (docs/adr/0002) and can only
 * be built from them. {@link #findById} reads the events alone and needs no projection.
 */
final class JdbiOrderStore implements OrderStore {
    private static final List<String> NOT_TERMINAL = Arrays.stream(OrderStatus.values())
            .filter(s -> !s.isTerminal())
            .map(Enum::name)
            .toList();

    private final Jdbi jdbi;
    private final String broker;
    /** Brings the {@code orders} projection up to date; run before each query of it. */
    private final Runnable catchUp;

    JdbiOrderStore(Jdbi jdbi, String broker, Runnable catchUp) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
        this.broker = requireNonNull(broker, "broker is null");
        this.catchUp = requireNonNull(catchUp, "catchUp is null");
    }

    @Override
    public Optional<Order> findById(ClientOrderId id) {
        requireNonNull(id, "id is null");
        List<OrderEvent> events = Reads.withHandle(jdbi, handle -> JournalReads.eventsOf(handle, id)).stream()
                .map(r -> r.event())
                .toList();
        return events.isEmpty() ? Optional.empty() : Optional.of(JournalReads.replay(id.value(), events));
    }

    @Override
    public Optional<Order> findByBrokerOrderId(BrokerOrderId id) {
        requireNonNull(id, "id is null");
        catchUp.run();
        return Reads.withHandle(jdbi, handle -> {
            List<String> ids = handle.createQuery(
                            "SELECT order_id FROM orders WHERE broker = :broker AND broker_order_id = :id")
                    .bind("broker", broker)
                    .bind("id", id.value())
                    .mapTo(String.class)
                    .list();
            return JournalReads.orders(handle, ids).stream().findFirst();
        });
    }

    @Override
    public List<Order> findOpenOrders() {
        catchUp.run();
        return Reads.withHandle(jdbi, handle -> {
            Map<String, List<OrderEvent>> events = new LinkedHashMap<>();
            // One statement, so the orders and their events are one consistent snapshot.
            handle.createQuery("SELECT " + JournalReads.RECORD_COLUMNS
                            + " FROM order_events e JOIN orders o ON o.order_id = e.order_id"
                            + " WHERE o.status IN (<statuses>)"
                            + " ORDER BY o.created_at, o.order_id, e.order_seq")
                    .bindList("statuses", NOT_TERMINAL)
                    .map(JournalReads::record)
                    .forEach(r -> events.computeIfAbsent(r.event().orderId().value(), k -> new ArrayList<>())
                            .add(r.event()));
            List<Order> orders = new ArrayList<>();
            events.forEach((id, orderEvents) -> orders.add(JournalReads.replay(id, orderEvents)));
            return orders;
        });
    }

    @Override
    public OrderPage find(OrderQuery query) {
        requireNonNull(query, "query is null");
        StringBuilder sql = new StringBuilder("SELECT order_id FROM orders WHERE 1 = 1");
        if (!query.statuses().isEmpty()) {
            sql.append(" AND status IN (<statuses>)");
        }
        query.instrument().ifPresent(v -> sql.append(" AND instrument = :instrument"));
        query.strategy().ifPresent(v -> sql.append(" AND strategy = :strategy"));
        query.account().ifPresent(v -> sql.append(" AND account = :account"));
        query.from().ifPresent(v -> sql.append(" AND created_at >= :from"));
        query.to().ifPresent(v -> sql.append(" AND created_at < :to"));
        query.after().ifPresent(v -> sql.append(" AND order_id < :after"));
        sql.append(" ORDER BY order_id DESC LIMIT :limit");
        catchUp.run();
        return Reads.withHandle(jdbi, handle -> {
            Query statement = handle.createQuery(sql.toString()).bind("limit", query.limit() + 1);
            if (!query.statuses().isEmpty()) {
                statement.bindList(
                        "statuses",
                        query.statuses().stream().map(Enum::name).sorted().toList());
            }
            query.instrument().ifPresent(v -> statement.bind("instrument", v.toString()));
            query.strategy().ifPresent(v -> statement.bind("strategy", v.value()));
            query.account().ifPresent(v -> statement.bind("account", v.value()));
            query.from().ifPresent(v -> statement.bind("from", Sql.timestamp(v)));
            query.to().ifPresent(v -> statement.bind("to", Sql.timestamp(v)));
            query.after().ifPresent(v -> statement.bind("after", v));
            List<String> ids = statement.mapTo(String.class).list();
            boolean more = ids.size() > query.limit();
            List<String> page = more ? ids.subList(0, query.limit()) : ids;
            List<Order> orders = JournalReads.orders(handle, page);
            Optional<String> next = more ? Optional.of(page.get(page.size() - 1)) : Optional.empty();
            return new OrderPage(orders, next);
        });
    }
}
