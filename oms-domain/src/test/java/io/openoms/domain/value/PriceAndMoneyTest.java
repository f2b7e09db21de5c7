package io.openoms.domain.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceAndMoneyTest {
    @Test
    void a_price_is_on_the_tick_grid_when_it_is_a_whole_number_of_ticks() {
        assertThat(Price.of("100.05").isOnTickGrid(new BigDecimal("0.05"))).isTrue();
        assertThat(Price.of("100.03").isOnTickGrid(new BigDecimal("0.05"))).isFalse();
        assertThat(Price.of("100.03").isOnTickGrid(BigDecimal.ZERO)).isTrue();
    }

    @Test
    void prices_compare_and_subtract_exactly() {
        assertThat(Price.of("100.10").minus(Price.of("99.95"))).isEqualByComparingTo("0.15");
        assertThat(Price.of("1.0")).isEqualTo(Price.of(1));
        assertThat(Price.of(2).isGreaterThan(Price.of(1))).isTrue();
        assertThat(Price.of(1).isLessThan(Price.of(2))).isTrue();
        assertThat(Price.of(0).isPositive()).isFalse();
        assertThat(Price.of(BigDecimal.TEN).toString()).isEqualTo("10");
        assertThatThrownBy(() -> Price.of("abc")).hasMessageContaining("price is not a decimal number");
    }

    @Test
    void money_arithmetic_is_exact_and_signed() {
        Money a = Money.of("0.10");
        Money b = Money.of("0.20");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.3"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.1"));
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.minus(b).abs()).isEqualTo(a);
        assertThat(a.negate()).isEqualTo(Money.of("-0.1"));
        assertThat(a.times(new BigDecimal("3"))).isEqualTo(Money.of("0.3"));
        assertThat(Money.of(200).percent(new BigDecimal("5"))).isEqualTo(Money.of(10));
        assertThat(Money.of(1).percent(new BigDecimal("1")).toString()).isEqualTo("0.01");
        assertThat(a.max(b)).isEqualTo(b);
        assertThat(a.min(b)).isEqualTo(a);
        assertThat(b.max(a)).isEqualTo(b);
        assertThat(b.min(a)).isEqualTo(a);
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.of(1).isPositive()).isTrue();
        assertThat(b.isGreaterThan(a)).isTrue();
        assertThat(a.isLessThan(b)).isTrue();
        assertThat(Money.of(BigDecimal.ONE)).isEqualTo(Money.of("1.000"));
    }

    @Test
    void sides_know_their_sign_and_opposite() {
        assertThat(Side.BUY.sign()).isEqualTo(1);
        assertThat(Side.SELL.sign()).isEqualTo(-1);
        assertThat(Side.BUY.opposite()).isEqualTo(Side.SELL);
        assertThat(Side.SELL.opposite()).isEqualTo(Side.BUY);
    }
}
