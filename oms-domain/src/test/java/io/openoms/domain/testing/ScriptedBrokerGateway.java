package io.openoms.domain.testing;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A broker that answers what the test scripted and remembers every request. Unscripted commands
 * succeed with broker ids {@code B1}, {@code B2}, …; queries answer from what the test put in
 * with {@link #putBrokerOrder}, {@link #addTrade} and {@link #addPosition}. For a venue that matches and
 * fills, use the simulated venue in {@code adapters-broker-mock}.
 */
public final class ScriptedBrokerGateway implements BrokerGateway {
    private final String name;
    private final Deque<BrokerResult<BrokerOrderId>> placeResults = new ArrayDeque<>();
    private final Deque<BrokerResult<BrokerOrderId>> modifyResults = new ArrayDeque<>();
    private final Deque<BrokerResult<BrokerOrderId>> cancelResults = new ArrayDeque<>();
    private final List<Order> placed = new ArrayList<>();
    private final List<Order> modified = new ArrayList<>();
    private final List<Order> cancelled = new ArrayList<>();
    private final Map<ClientOrderId, BrokerOrderId> brokerIds = new ConcurrentHashMap<>();
    private int nextBrokerId = 1;

    private final Map<BrokerOrderId, BrokerOrder> brokerOrders = new ConcurrentHashMap<>();
    private final List<BrokerTrade> trades = new ArrayList<>();
    private final List<BrokerPosition> positions = new ArrayList<>();

    public ScriptedBrokerGateway(String name) {
        this.name = requireNonNull(name, "name is null");
    }

    public synchronized ScriptedBrokerGateway nextPlace(BrokerResult<BrokerOrderId> result) {
        placeResults.add(result);
        return this;
    }

    public synchronized ScriptedBrokerGateway nextModify(BrokerResult<BrokerOrderId> result) {
        modifyResults.add(result);
        return this;
    }

    public synchronized ScriptedBrokerGateway nextCancel(BrokerResult<BrokerOrderId> result) {
        cancelResults.add(result);
        return this;
    }

    /** Adds or replaces the broker's view of an order. */
    public ScriptedBrokerGateway putBrokerOrder(BrokerOrder order) {
        brokerOrders.put(order.brokerOrderId(), order);
        return this;
    }

    /** The broker forgets the order (a venue that lost its book): queries no longer find it. */
    public ScriptedBrokerGateway removeBrokerOrder(BrokerOrderId id) {
        brokerOrders.remove(id);
        return this;
    }

    public synchronized ScriptedBrokerGateway addTrade(BrokerTrade trade) {
        trades.add(trade);
        return this;
    }

    public synchronized ScriptedBrokerGateway addPosition(BrokerPosition position) {
        positions.add(position);
        return this;
    }

    public synchronized List<Order> placedOrders() {
        return List.copyOf(placed);
    }

    public synchronized List<Order> modifiedOrders() {
        return List.copyOf(modified);
    }

    public synchronized List<Order> cancelledOrders() {
        return List.copyOf(cancelled);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized BrokerResult<BrokerOrderId> place(Order order) {
        placed.add(order);
        BrokerResult<BrokerOrderId> result = placeResults.isEmpty() ? newBrokerId() : placeResults.poll();
        if (result instanceof BrokerResult.Success<BrokerOrderId> success) {
            brokerIds.put(order.id(), success.value());
        }
        return result;
    }

    @Override
    public synchronized BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        modified.add(order);
        return modifyResults.isEmpty() ? echo(order) : modifyResults.poll();
    }

    @Override
    public synchronized BrokerResult<BrokerOrderId> cancel(Order order) {
        cancelled.add(order);
        return cancelResults.isEmpty() ? echo(order) : cancelResults.poll();
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return BrokerResult.success(Optional.ofNullable(brokerOrders.get(id)));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return BrokerResult.success(brokerOrders.values().stream()
                .filter(o -> o.clientOrderId().filter(id::equals).isPresent())
                .findFirst());
    }

    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return BrokerResult.success(List.copyOf(brokerOrders.values()));
    }

    @Override
    public synchronized BrokerResult<List<BrokerTrade>> trades() {
        return BrokerResult.success(List.copyOf(trades));
    }

    @Override
    public synchronized BrokerResult<List<BrokerPosition>> positions() {
        return BrokerResult.success(List.copyOf(positions));
    }

    private BrokerResult<BrokerOrderId> newBrokerId() {
        return BrokerResult.success(BrokerOrderId.of("B" + nextBrokerId++));
    }

    private BrokerResult<BrokerOrderId> echo(Order order) {
        return order.brokerOrderId()
                .or(() -> Optional.ofNullable(brokerIds.get(order.id())))
                .<BrokerResult<BrokerOrderId>>map(BrokerResult::success)
                .orElseGet(() -> BrokerResult.rejected("unknown order " + order.id()));
    }
}
