package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code manual} venue: orders OpenOMS records but sends nowhere. A placement, modification or
 * cancel is taken at once (the order waits, {@code ACCEPTED}, for fills); fills are entered from outside
 * through the {@code ExternalFills} port ({@code POST /api/v1/orders/{id}/fills}): a drop copy, a trade
 * done by phone, an account manager's report.
 *
 * <p>The venue keeps no book of its own: OpenOMS's record is the book, so its queries answer from the
 * order and position queries, and the order monitor and reconciliation always find it in agreement.
 * The broker order id is the client order id. Reference prices for the risk checks are the configured
 * ones ({@link MarketData}). Thread safety: safe from any thread.
 */
public final class ManualVenueGateway implements BrokerGateway, MarketData {
    public static final String NAME = "manual";
    private static final int DAY_ORDERS = OrderQuery.MAX_LIMIT;

    private final Supplier<OrderQueries> orders;
    private final Supplier<PositionQueries> positions;
    private final Map<InstrumentId, Price> prices;
    private final Clock clock;

    /**
     * @param orders the core's order queries, read lazily (the core is built after its venues)
     * @param positions the core's position queries, likewise
     * @param prices reference prices per instrument for the pre-trade checks
     */
    public ManualVenueGateway(
            Supplier<OrderQueries> orders,
            Supplier<PositionQueries> positions,
            Map<InstrumentId, Price> prices,
            Clock clock) {
        this.orders = requireNonNull(orders, "orders is null");
        this.positions = requireNonNull(positions, "positions is null");
        this.prices = Map.copyOf(requireNonNull(prices, "prices is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean takesExternalFills() {
        return true;
    }

    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        return BrokerResult.success(BrokerOrderId.of(order.id().value()));
    }

    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        return BrokerResult.success(brokerId(order));
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        return BrokerResult.success(brokerId(order));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return BrokerResult.success(orders.get().orderByBrokerOrderId(id).map(this::view));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return BrokerResult.success(orders.get()
                .order(id)
                .filter(order -> order.brokerOrderId().isPresent())
                .map(this::view));
    }

    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return BrokerResult.success(dayOrders().stream().map(this::view).toList());
    }

    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        List<BrokerTrade> trades = new ArrayList<>();
        for (Order order : dayOrders()) {
            for (Fill fill : order.fills()) {
                trades.add(new BrokerTrade(brokerId(order), order.instrument(), order.side(), order.product(), fill));
            }
        }
        return BrokerResult.success(trades);
    }

    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        Map<String, BigDecimal> net = new LinkedHashMap<>();
        Map<String, Position> any = new LinkedHashMap<>();
        for (Position position : positions.get().positions(false)) {
            String key = position.key().instrument() + " " + position.key().product();
            net.merge(key, position.signedQuantity(), BigDecimal::add);
            any.putIfAbsent(key, position);
        }
        List<BrokerPosition> result = new ArrayList<>();
        net.forEach((key, quantity) -> {
            Position position = any.get(key);
            InstrumentId instrument = position.key().instrument();
            Product product = position.key().product();
            result.add(new BrokerPosition(instrument, product, quantity, Optional.empty()));
        });
        return BrokerResult.success(result);
    }

    @Override
    public Optional<Price> lastPrice(InstrumentId instrument) {
        return Optional.ofNullable(prices.get(instrument));
    }

    private List<Order> dayOrders() {
        return orders.get().orders(OrderQuery.all(DAY_ORDERS)).items().stream()
                .filter(order -> order.brokerOrderId().isPresent())
                .toList();
    }

    private static BrokerOrderId brokerId(Order order) {
        return order.brokerOrderId().orElse(BrokerOrderId.of(order.id().value()));
    }

    /** The order as the venue would report it: what OpenOMS recorded. */
    private BrokerOrder view(Order order) {
        // Requests in flight (pending cancel or modify) were taken at once: the venue shows the order working.
        OrderStatus status = order.isTerminal()
                ? order.status()
                : order.filledQuantity().isPositive() ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        Quantity cancelled = status == OrderStatus.CANCELLED || status == OrderStatus.EXPIRED
                ? order.remainingQuantity()
                : Quantity.ZERO;
        return new BrokerOrder(
                brokerId(order),
                Optional.of(order.id()),
                order.tag(),
                order.instrument(),
                order.side(),
                order.type(),
                order.product(),
                order.quantity(),
                order.filledQuantity(),
                cancelled,
                order.limitPrice(),
                order.triggerPrice(),
                order.averageFillPrice(),
                status,
                status.name(),
                Optional.empty(),
                clock.instant());
    }
}
