package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's in-memory journal and the order and position stores it feeds: an append is
 * "durable" at once (the future is already complete), so the figures are the engine's alone. It keeps
 * only what the engine reads back (open orders, open positions) and counts the events; it keeps no
 * event history, so the journal reads answer empty and a long run does not grow the heap. Not for
 * anything but the benchmark. Thread safety: one writer, readers from any thread.
 */
final class MemoryJournal implements Journal, OrderStore, PositionStore {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final Map<ClientOrderId, Order> openOrders = new ConcurrentHashMap<>();
    private final Map<PositionKey, Position> openPositions = new ConcurrentHashMap<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    @Override
    public CompletableFuture<Void> append(JournalBatch batch) {
        requireNonNull(batch, "batch is null");
        events.addAndGet(batch.events().size());
        batches.incrementAndGet();
        for (Order order : batch.orders()) {
            if (order.isTerminal()) {
                openOrders.remove(order.id());
            } else {
                openOrders.put(order.id(), order);
            }
        }
        for (Position position : batch.positions()) {
            if (position.isOpen()) {
                openPositions.put(position.key(), position);
            } else {
                openPositions.remove(position.key());
            }
        }
        return DONE;
    }

    long events() {
        return events.get();
    }

    long batches() {
        return batches.get();
    }

    @Override
    public List<JournalRecord> eventsOf(ClientOrderId orderId) {
        return List.of();
    }

    @Override
    public List<JournalRecord> readAfter(long afterSequence, int limit) {
        return List.of();
    }

    @Override
    public Optional<Order> findById(ClientOrderId id) {
        return Optional.ofNullable(openOrders.get(id));
    }

    @Override
    public Optional<Order> findByBrokerOrderId(BrokerOrderId id) {
        return openOrders.values().stream()
                .filter(order -> order.brokerOrderId().filter(id::equals).isPresent())
                .findFirst();
    }

    @Override
    public List<Order> findOpenOrders() {
        return new ArrayList<>(openOrders.values());
    }

    @Override
    public OrderPage find(OrderQuery query) {
        return new OrderPage(List.of(), Optional.empty());
    }

    @Override
    public Optional<Position> findOpenPosition(PositionKey key) {
        return Optional.ofNullable(openPositions.get(key));
    }

    @Override
    public List<Position> findOpenPositions() {
        return List.copyOf(openPositions.values());
    }

    @Override
    public List<Position> findPositions(boolean includeClosed) {
        return List.copyOf(openPositions.values());
    }
}
