package io.openoms.domain.order;

import static io.openoms.domain.order.OrderFixtures.ID;
import static io.openoms.domain.order.OrderFixtures.INFY;
import static io.openoms.domain.order.OrderFixtures.T0;
import static io.openoms.domain.order.OrderFixtures.managerWithOrderIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A modification's new values must fit the instrument as a new order's do, and checking it records nothing. */
class OrderModificationCheckTest {
    private final OrderManager manager = managerWithOrderIn(OrderStatus.ACCEPTED);

    @Test
    void a_new_quantity_off_the_lot_is_invalid_naming_quantity() {
        assertInvalid(OrderModification.quantity(Quantity.of("10.5")), "quantity");
    }

    @Test
    void a_new_price_off_the_tick_or_not_positive_is_invalid_naming_price() {
        assertInvalid(OrderModification.limitPrice(Price.of("100.03")), "price");
        assertInvalid(OrderModification.limitPrice(Price.of("0")), "price");
        assertInvalid(OrderModification.limitPrice(Price.of("-100")), "price");
    }

    @Test
    void values_that_fit_pass_and_nothing_is_recorded() {
        long sequence = manager.get(ID).lastSequence();

        assertThatCode(() -> manager.checkModification(
                        ID, OrderModification.limitPrice(Price.of("100.05")), Optional.of(INFY), T0))
                .doesNotThrowAnyException();
        assertThat(manager.get(ID).lastSequence()).isEqualTo(sequence);
        assertThat(manager.get(ID).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void an_unknown_instrument_leaves_the_values_to_the_risk_checks() {
        assertThatCode(() -> manager.checkModification(
                        ID, OrderModification.limitPrice(Price.of("100.03")), Optional.empty(), T0))
                .doesNotThrowAnyException();
    }

    @Test
    void an_order_that_cannot_be_modified_is_refused_before_its_values_are_looked_at() {
        OrderManager filled = managerWithOrderIn(OrderStatus.FILLED);

        assertThatThrownBy(() -> filled.checkModification(
                        ID, OrderModification.limitPrice(Price.of("100.03")), Optional.of(INFY), T0))
                .isInstanceOf(OrderNotModifiableException.class);
    }

    private void assertInvalid(OrderModification modification, String field) {
        long sequence = manager.get(ID).lastSequence();

        assertThatThrownBy(() -> manager.checkModification(ID, modification, Optional.of(INFY), T0))
                .isInstanceOfSatisfying(InvalidOrderRequestException.class, e -> assertThat(e.field())
                        .isEqualTo(field));
        assertThat(manager.get(ID).lastSequence()).isEqualTo(sequence);
    }
}
