package io.openoms.domain.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {
    @Test
    void equal_quantities_are_equal_whatever_their_scale() {
        assertThat(Quantity.of("10.00")).isEqualTo(Quantity.of(10));
        assertThat(Quantity.of("10.00").hashCode()).isEqualTo(Quantity.of(10).hashCode());
        assertThat(Quantity.of("1E+2")).isEqualTo(Quantity.of(100));
        assertThat(Quantity.of("0.000")).isEqualTo(Quantity.ZERO);
    }

    @Test
    void a_negative_quantity_is_refused() {
        assertThatThrownBy(() -> Quantity.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Quantity.of(5).minus(Quantity.of(6))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void text_that_is_not_a_number_is_refused_with_what_was_given() {
        assertThatThrownBy(() -> Quantity.of("ten")).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> Quantity.of(" ")).hasMessageContaining("quantity is missing");
    }

    @Test
    void arithmetic_is_exact() {
        assertThat(Quantity.of("0.1").plus(Quantity.of("0.2"))).isEqualTo(Quantity.of("0.3"));
        assertThat(Quantity.of(10).minus(Quantity.of(4))).isEqualTo(Quantity.of(6));
        assertThat(Quantity.of(3).min(Quantity.of(4))).isEqualTo(Quantity.of(3));
        assertThat(Quantity.of(3).max(Quantity.of(4))).isEqualTo(Quantity.of(4));
        assertThat(Quantity.of(4).min(Quantity.of(3))).isEqualTo(Quantity.of(3));
        assertThat(Quantity.of(4).max(Quantity.of(3))).isEqualTo(Quantity.of(4));
    }

    @Test
    void lot_multiples_are_recognised() {
        assertThat(Quantity.of(75).isMultipleOf(Quantity.of(25))).isTrue();
        assertThat(Quantity.of(80).isMultipleOf(Quantity.of(25))).isFalse();
        assertThat(Quantity.of("0.3").isMultipleOf(Quantity.of("0.1"))).isTrue();
        assertThat(Quantity.of(7).isMultipleOf(Quantity.ZERO)).isTrue();
    }

    @Test
    void times_a_price_is_the_notional_and_signed_follows_the_side() {
        assertThat(Quantity.of(3).times(Price.of("100.05"))).isEqualTo(Money.of("300.15"));
        assertThat(Quantity.of(3).signed(Side.BUY)).isEqualByComparingTo("3");
        assertThat(Quantity.of(3).signed(Side.SELL)).isEqualByComparingTo("-3");
    }

    @Test
    void comparisons() {
        assertThat(Quantity.of(2).isGreaterThan(Quantity.of(1))).isTrue();
        assertThat(Quantity.of(1).isLessThan(Quantity.of(2))).isTrue();
        assertThat(Quantity.ZERO.isZero()).isTrue();
        assertThat(Quantity.ZERO.isPositive()).isFalse();
        assertThat(Quantity.of(new BigDecimal("12.50")).toString()).isEqualTo("12.5");
    }
}
