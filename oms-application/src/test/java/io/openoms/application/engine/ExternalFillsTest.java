package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.RecordExternalFill;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fills entered from outside, for orders on a venue that takes them (the manual venue). */
class ExternalFillsTest {
    private EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void an_external_fill_fills_the_order_and_moves_the_position_and_pnl_like_a_broker_fill() {
        Order order = manualOrder(10);

        ExternalFillResult first = record(order.id(), "X1", "4", "99.5", Optional.of(Money.of("2")));
        ExternalFillResult second = record(order.id(), "X2", "6", "100", Optional.empty());

        assertThat(first).isInstanceOfSatisfying(ExternalFillResult.Recorded.class, recorded -> assertThat(
                        recorded.order().status())
                .isEqualTo(OrderStatus.PARTIALLY_FILLED));
        assertThat(second).isInstanceOfSatisfying(ExternalFillResult.Recorded.class, recorded -> assertThat(
                        recorded.order().status())
                .isEqualTo(OrderStatus.FILLED));
        Order stored = f.stored(order.id());
        assertThat(stored.filledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(stored.totalFees()).isEqualTo(Money.of("2"));
        assertThat(f.engine.positions(ACCOUNT, false)).singleElement().satisfies((Position p) -> {
            assertThat(p.signedQuantity()).isEqualByComparingTo("10");
            assertThat(p.averagePrice()).contains(Price.of("99.8"));
        });
        assertThat(f.engine.history(order.id()).stream().map(OrderEvent::type)).endsWith("OrderFilled", "OrderFilled");
    }

    @Test
    void the_same_trade_id_twice_is_recorded_once() {
        Order order = manualOrder(10);

        record(order.id(), "X1", "4", "100", Optional.empty());
        ExternalFillResult again = record(order.id(), "X1", "4", "100", Optional.empty());

        assertThat(again).isInstanceOfSatisfying(ExternalFillResult.AlreadyRecorded.class, already -> assertThat(
                        already.order().filledQuantity())
                .isEqualTo(Quantity.of(4)));
        assertThat(f.stored(order.id()).fills()).hasSize(1);
        assertThat(f.engine.positions(ACCOUNT, false))
                .singleElement()
                .satisfies((Position p) -> assertThat(p.signedQuantity()).isEqualByComparingTo("4"));
    }

    @Test
    void an_overfill_is_refused_and_changes_nothing() {
        Order order = manualOrder(10);
        record(order.id(), "X1", "8", "100", Optional.empty());

        ExternalFillResult overfill = record(order.id(), "X2", "3", "100", Optional.empty());

        assertThat(overfill)
                .isInstanceOfSatisfying(ExternalFillResult.Refused.class, refused -> assertThat(refused.code())
                        .isEqualTo(FailureCode.VALIDATION_FILL_REFUSED));
        assertThat(f.stored(order.id()).filledQuantity()).isEqualTo(Quantity.of(8));
        assertThat(f.engine.positions(ACCOUNT, false))
                .singleElement()
                .satisfies((Position p) -> assertThat(p.signedQuantity()).isEqualByComparingTo("8"));
    }

    @Test
    void an_order_at_a_venue_that_reports_its_own_fills_takes_no_external_fill() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());

        ExternalFillResult result = record(order.id(), "X1", "1", "100", Optional.empty());

        assertThat(result)
                .isInstanceOfSatisfying(ExternalFillResult.Refused.class, refused -> assertThat(refused.code())
                        .isEqualTo(FailureCode.VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED));
        assertThat(f.stored(order.id()).fills()).isEmpty();
    }

    @Test
    void an_unknown_order_is_refused() {
        f.start();

        assertThat(record(ClientOrderId.of("nope"), "X1", "1", "100", Optional.empty()))
                .isInstanceOfSatisfying(ExternalFillResult.Refused.class, refused -> assertThat(refused.code())
                        .isEqualTo(FailureCode.VALIDATION_ORDER_NOT_FOUND));
    }

    @Test
    void an_external_fill_is_durable_across_a_restart() {
        Order order = manualOrder(10);
        record(order.id(), "X1", "10", "100", Optional.empty());

        f = f.restart();

        assertThat(f.engine.order(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(f.engine.positions(ACCOUNT, false))
                .singleElement()
                .satisfies((Position p) -> assertThat(p.signedQuantity()).isEqualByComparingTo("10"));
    }

    private Order manualOrder(long quantity) {
        f.gateway.takesExternalFills = true;
        f.start();
        return f.submitAcknowledged(buy(quantity, "100").build());
    }

    private ExternalFillResult record(
            ClientOrderId id, String tradeId, String quantity, String price, Optional<Money> fee) {
        return EngineHarness.get(f.engine.recordFill(new RecordExternalFill(
                id, TradeId.of(tradeId), Quantity.of(quantity), Price.of(price), Optional.empty(), fee)));
    }
}
