package io.openoms.domain.order;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.Price;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;

/** Orders in known states, built through {@link OrderManager} as the engine would. */
final class OrderFixtures {
    /** Monday 2024-03-04 10:00 in Mumbai: the market is open. */
    static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");
    /** The NSE close that day, 15:30 Asia/Kolkata. */
    static final Instant CLOSE = Instant.parse("2024-03-04T10:00:00Z");

    static final ClientOrderId ID = ClientOrderId.of("O-1");
    static final BrokerOrderId BROKER_ID = BrokerOrderId.of("240304000000001");
    static final Instrument INFY = Instrument.of(
            InstrumentId.parse("NSE:INFY"),
            "0.05",
            1,
            Currency.getInstance("INR"),
            TradingSession.indianEquities(Set.of()));

    private OrderFixtures() {}

    static Instant at(int secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static OrderRequest.Builder buyLimit(long quantity, String price) {
        return OrderRequest.builder()
                .account("ACC-1")
                .strategy("momentum")
                .instrument("NSE:INFY")
                .buy()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price);
    }

    /** A buy of 10 INFY at 100 limit, GTC, created at T0. */
    static OrderRequest tenAt100() {
        return buyLimit(10, "100").timeInForce(TimeInForce.GTC).build();
    }

    static Fill fill(String tradeId, long quantity, String price) {
        return Fill.of(tradeId, quantity, price, "0", T0);
    }

    /** A manager holding order {@link #ID} (10 at 100, GTC) brought to {@code status}. */
    static OrderManager managerWithOrderIn(OrderStatus status) {
        OrderManager manager = new OrderManager();
        manager.create(ID, tenAt100(), Optional.of(INFY), T0);
        switch (status) {
            case CREATED -> {}
            case PENDING_SUBMISSION -> manager.release(ID, at(1));
            case SUBMITTED -> submitted(manager);
            case ACCEPTED -> accepted(manager);
            case PARTIALLY_FILLED -> {
                accepted(manager);
                manager.applyFill(ID, fill("T-1", 4, "100"), at(4));
            }
            case FILLED -> {
                accepted(manager);
                manager.applyFill(ID, fill("T-1", 10, "100"), at(4));
            }
            case PENDING_CANCEL -> {
                accepted(manager);
                manager.requestCancel(ID, at(4));
            }
            case PENDING_MODIFY -> {
                accepted(manager);
                manager.requestModify(ID, OrderModification.limitPrice(Price.of("99")), at(4));
            }
            case CANCELLED -> {
                accepted(manager);
                manager.requestCancel(ID, at(4));
                manager.confirmCancel(ID, at(5));
            }
            case REJECTED -> manager.rejectByRisk(ID, "max-order-quantity", "above 5", at(1));
            case EXPIRED -> {
                accepted(manager);
                manager.expire(ID, at(4));
            }
            case ERROR -> {
                manager.release(ID, at(1));
                manager.error(ID, "broker session lost", at(2));
            }
        }
        if (manager.get(ID).status() != status) {
            throw new AssertionError("fixture did not reach " + status + ": " + manager.get(ID));
        }
        return manager;
    }

    private static void submitted(OrderManager manager) {
        manager.release(ID, at(1));
        manager.markSubmitted(ID, at(2));
    }

    private static void accepted(OrderManager manager) {
        submitted(manager);
        manager.accept(ID, BROKER_ID, at(3));
    }
}
