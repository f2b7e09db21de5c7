package io.openoms.integration;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Passes every call to the venue's gateway and counts them: calls under way (the harness waits for
 * none before it calls the system settled) and, per client order id, how often a placement was sent
 * (an order must never be sent twice; a refusal for rate is not counted: nothing reached the venue).
 */
final class TrackingGateway implements BrokerGateway {
    private volatile BrokerGateway delegate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private final Map<ClientOrderId, AtomicInteger> placements = new ConcurrentHashMap<>();

    TrackingGateway(BrokerGateway delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** Passes calls to {@code next} from now on (a restarted system's new Kite gateway); the counts carry on. */
    void delegateTo(BrokerGateway next) {
        this.delegate = requireNonNull(next, "next is null");
    }

    int inFlight() {
        return inFlight.get();
    }

    long started() {
        return started.get();
    }

    /** How often a placement of {@code id} reached the gateway. */
    int placements(ClientOrderId id) {
        AtomicInteger count = placements.get(id);
        return count == null ? 0 : count.get();
    }

    Map<ClientOrderId, Integer> placementCounts() {
        Map<ClientOrderId, Integer> copy = new ConcurrentHashMap<>();
        placements.forEach((id, count) -> copy.put(id, count.get()));
        return copy;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** Counts the placement unless the broker refused it for rate (nothing reached the venue, and a retry is due). */
    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        BrokerResult<BrokerOrderId> result = tracked(() -> delegate.place(order));
        if (!(result instanceof BrokerResult.RateLimited<BrokerOrderId>)) {
            placements.computeIfAbsent(order.id(), id -> new AtomicInteger()).incrementAndGet();
        }
        return result;
    }

    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        return tracked(() -> delegate.modify(order, modification));
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        return tracked(() -> delegate.cancel(order));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return tracked(() -> delegate.order(id));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return tracked(() -> delegate.findOrder(id));
    }

    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return tracked(delegate::orders);
    }

    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        return tracked(delegate::trades);
    }

    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        return tracked(delegate::positions);
    }

    private <T> T tracked(Supplier<T> call) {
        started.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            return call.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
