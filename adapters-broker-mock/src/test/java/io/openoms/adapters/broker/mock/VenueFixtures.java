package io.openoms.adapters.broker.mock;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A calm venue (no walk, no slippage, no fees, instant acks) and orders built as the engine would. */
final class VenueFixtures {
    /** Monday 2024-03-04 10:00 in Mumbai. */
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    static final InstrumentId INFY_ID = InstrumentId.parse("NSE:INFY");
    static final InstrumentId NIFTY_ID = InstrumentId.parse("NFO:NIFTY24MARFUT");
    static final Instrument INFY =
            Instrument.of(INFY_ID, "0.05", 1, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));
    static final Instrument NIFTY =
            Instrument.of(NIFTY_ID, "0.05", 50, Currency.getInstance("INR"), TradingSession.indianEquities(Set.of()));

    private VenueFixtures() {}

    static MockVenueConfig.Builder calm() {
        return MockVenueConfig.builder()
                .seed(7)
                .volatilityTicks(0)
                .slippageTicks(0)
                .feeBasisPoints(BigDecimal.ZERO)
                .feePerFill(Money.ZERO)
                .ackLatency(Duration.ZERO)
                .initialPrice(INFY_ID, Price.of(100))
                .initialPrice(NIFTY_ID, Price.of(22000));
    }

    static SimulatedVenue venue(MockVenueConfig config, RecordingBrokerUpdates updates) {
        SimulatedVenue venue = new SimulatedVenue(config, List.of(INFY, NIFTY), T0);
        venue.attach(updates);
        return venue;
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Order order(String id, OrderRequest request) {
        OrderManager manager = new OrderManager();
        ClientOrderId clientOrderId = ClientOrderId.of(id);
        manager.create(clientOrderId, request, Optional.empty(), T0);
        manager.release(clientOrderId, T0);
        return manager.get(clientOrderId);
    }

    static OrderRequest.Builder request(Side side, long quantity) {
        return OrderRequest.builder()
                .account("PAPER-1")
                .strategy("test")
                .instrument(INFY_ID)
                .side(side)
                .quantity(quantity)
                .timeInForce(TimeInForce.GTC);
    }

    static Order market(String id, Side side, long quantity) {
        return order(id, request(side, quantity).type(OrderType.MARKET).build());
    }

    static Order limit(String id, Side side, long quantity, String limit) {
        return order(
                id,
                request(side, quantity).type(OrderType.LIMIT).limitPrice(limit).build());
    }

    static Order stop(String id, Side side, long quantity, String trigger) {
        return order(
                id,
                request(side, quantity)
                        .type(OrderType.STOP)
                        .triggerPrice(trigger)
                        .build());
    }

    static Order stopLimit(String id, Side side, long quantity, String trigger, String limit) {
        return order(
                id,
                request(side, quantity)
                        .type(OrderType.STOP_LIMIT)
                        .triggerPrice(trigger)
                        .limitPrice(limit)
                        .build());
    }
}
