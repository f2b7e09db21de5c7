package io.openoms.adapters.broker.mock;

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
import java.util.Optional;

/**
 * The {@link BrokerGateway} of a {@link SimulatedVenue}: every call goes synchronously into the venue,
 * through its {@link VenueFaults}. A placement's correlation tag is the client order id, so
 * {@link BrokerOrder#clientOrderId()} carries it and {@link #findOrder} finds the order by it. A cancel
 * or modify finds the venue order by the order's broker order id, else by its client order id.
 *
 * <p>Updates caused by a call (an immediate acknowledgement, fills of a marketable order) are pushed to
 * the venue's {@code BrokerUpdates} as part of the call (by this thread, or by another thread that is
 * pushing at that moment; see {@link SimulatedVenue}), so they may reach the core before the call's own
 * result does. Thread safety: safe from any thread.
 */
public final class MockBrokerGateway implements BrokerGateway {
    private final SimulatedVenue venue;

    public MockBrokerGateway(SimulatedVenue venue) {
        this.venue = requireNonNull(venue, "venue is null");
    }

    @Override
    public String name() {
        return venue.name();
    }

    public SimulatedVenue venue() {
        return venue;
    }

    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        return venue.submit(order);
    }

    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        return venue.amend(order, modification);
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        return venue.cancel(order);
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return venue.queryOrder(id);
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return venue.queryOrder(id);
    }

    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return venue.queryOrders();
    }

    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        return venue.queryTrades();
    }

    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        return venue.queryPositions();
    }
}
