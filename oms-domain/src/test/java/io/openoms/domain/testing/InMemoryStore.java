package io.openoms.domain.testing;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An in-memory journal with the order and position stores it feeds, for tests. It honours the
 * ports' contracts as {@code JournalContract} states them — all-or-nothing batches, no duplicate
 * (order, sequence), no fill trade id twice per order, no order older than the stored one,
 * read-your-writes — and can be told to fail the next appends, as a database that went away would.
 */
public final class InMemoryStore implements Journal, OrderStore, PositionStore {
    private static final Comparator<Order> OLDEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(o -> o.id().value());

    private final Supplier<Instant> clock;
    private final List<JournalRecord> records = new ArrayList<>();
    private final Set<String> eventKeys = new HashSet<>();
    private final Set<String> fillKeys = new HashSet<>();
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private int failuresToInject;

    /** {@code clock} stamps {@link JournalRecord#recordedAt()}. */
    public InMemoryStore(Supplier<Instant> clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The next {@code count} appends fail with a {@link JournalException} and write nothing. */
    public synchronized void failNextAppends(int count) {
        this.failuresToInject = count;
    }

    @Override
    public synchronized CompletableFuture<Void> append(JournalBatch batch) {
        requireNonNull(batch, "batch is null");
        if (failuresToInject > 0) {
            failuresToInject--;
            return CompletableFuture.failedFuture(new JournalException("injected journal failure"));
        }
        Set<String> batchKeys = new HashSet<>();
        Set<String> batchFills = new HashSet<>();
        for (OrderEvent event : batch.events()) {
            String key = event.orderId() + "#" + event.sequence();
            if (eventKeys.contains(key) || !batchKeys.add(key)) {
                return CompletableFuture.failedFuture(new JournalException("event " + key + " is already journalled"));
            }
            if (event instanceof OrderFilled filled) {
                String fill = event.orderId() + "#" + filled.fill().tradeId();
                if (fillKeys.contains(fill) || !batchFills.add(fill)) {
                    return CompletableFuture.failedFuture(new JournalException("fill "
                            + filled.fill().tradeId() + " of order " + event.orderId() + " is already journalled"));
                }
            }
        }
        for (Order order : batch.orders()) {
            Order stored = orders.get(order.id());
            if (stored != null && order.lastSequence() < stored.lastSequence()) {
                return CompletableFuture.failedFuture(new JournalException("order " + order.id() + " at sequence "
                        + order.lastSequence() + " is older than the stored one at " + stored.lastSequence()));
            }
        }
        Instant now = clock.get();
        for (OrderEvent event : batch.events()) {
            records.add(new JournalRecord(records.size() + 1L, event, now));
        }
        eventKeys.addAll(batchKeys);
        fillKeys.addAll(batchFills);
        batch.orders().forEach(order -> orders.put(order.id(), order));
        batch.positions().forEach(position -> positions.put(identity(position), position));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized List<JournalRecord> eventsOf(ClientOrderId orderId) {
        return records.stream()
                .filter(r -> r.event().orderId().equals(orderId))
                .sorted(Comparator.comparingLong(r -> r.event().sequence()))
                .toList();
    }

    @Override
    public synchronized List<JournalRecord> readAfter(long afterSequence, int limit) {
        int from = (int) Math.min(Math.max(afterSequence, 0), records.size());
        return List.copyOf(records.subList(from, Math.min(records.size(), from + limit)));
    }

    @Override
    public synchronized Optional<Order> findById(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized Optional<Order> findByBrokerOrderId(BrokerOrderId id) {
        return orders.values().stream()
                .filter(o -> o.brokerOrderId().filter(id::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized List<Order> findOpenOrders() {
        return orders.values().stream()
                .filter(o -> !o.isTerminal())
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public synchronized OrderPage find(OrderQuery query) {
        List<Order> matching = orders.values().stream()
                .filter(o -> query.statuses().isEmpty() || query.statuses().contains(o.status()))
                .filter(o -> query.instrument().map(o.instrument()::equals).orElse(true))
                .filter(o -> query.strategy().map(o.strategy()::equals).orElse(true))
                .filter(o -> query.account().map(o.account()::equals).orElse(true))
                .filter(o -> query.from().map(f -> !o.createdAt().isBefore(f)).orElse(true))
                .filter(o -> query.to().map(t -> o.createdAt().isBefore(t)).orElse(true))
                .sorted(OLDEST_FIRST.reversed())
                .filter(o ->
                        query.after().map(cursor -> isAfterCursor(o, cursor)).orElse(true))
                .toList();
        List<Order> page = matching.subList(0, Math.min(query.limit(), matching.size()));
        Optional<String> next =
                matching.size() > page.size() ? Optional.of(cursor(page.get(page.size() - 1))) : Optional.empty();
        return new OrderPage(page, next);
    }

    @Override
    public synchronized Optional<Position> findOpenPosition(PositionKey key) {
        return positions.values().stream()
                .filter(p -> p.key().equals(key) && p.isOpen())
                .findFirst();
    }

    @Override
    public synchronized List<Position> findOpenPositions() {
        return positions.values().stream().filter(Position::isOpen).toList();
    }

    @Override
    public synchronized List<Position> findPositions(boolean includeClosed) {
        return positions.values().stream()
                .filter(p -> includeClosed || p.isOpen())
                .toList();
    }

    /** A position is its key and the trade that opened it: a key can close and reopen in one instant. */
    private static String identity(Position position) {
        return position.key() + "#" + position.tradeIds().get(0);
    }

    /** The page order is by creation time, then id; the cursor holds both of the last order returned. */
    private static String cursor(Order order) {
        return order.createdAt() + "|" + order.id().value();
    }

    /** True when {@code order} comes after the cursor's order, newest first. */
    private static boolean isAfterCursor(Order order, String cursor) {
        int bar = cursor.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("not a cursor of this store: " + cursor);
        }
        Instant createdAt = Instant.parse(cursor.substring(0, bar));
        String id = cursor.substring(bar + 1);
        int byTime = order.createdAt().compareTo(createdAt);
        return byTime < 0 || byTime == 0 && order.id().value().compareTo(id) < 0;
    }
}
