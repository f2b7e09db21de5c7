package io.openoms.domain.risk;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PositionEffectTest {
    @Test
    void working_orders_on_the_order_side_are_committed() {
        // long 100, working sells 30, sell 50: committed 70, after 20
        PositionEffect effect = PositionEffect.of(
                limitSell(50, "1500"),
                context().position(INFY, 100).openOrders(INFY, Side.SELL, 30).openOrders(INFY, Side.BUY, 999));

        assertThat(effect).isEqualTo(new PositionEffect(bd(100), bd(70), bd(20)));
        assertThat(effect.shrinksWithoutFlipping()).isTrue();
        assertThat(effect.opensNewPosition()).isFalse();
    }

    @Test
    void closing_exactly_shrinks_and_crossing_zero_does_not() {
        assertThat(PositionEffect.of(limitSell(100, "1"), context().position(INFY, 100))
                        .shrinksWithoutFlipping())
                .isTrue();
        assertThat(PositionEffect.of(limitSell(101, "1"), context().position(INFY, 100))
                        .shrinksWithoutFlipping())
                .isFalse();
        assertThat(PositionEffect.of(limitBuy(1, "1"), context().position(INFY, 100))
                        .shrinksWithoutFlipping())
                .isFalse();
    }

    @Test
    void from_flat_nothing_shrinks_and_a_position_opens() {
        PositionEffect effect = PositionEffect.of(limitBuy(1, "1"), context());

        assertThat(effect.shrinksWithoutFlipping()).isFalse();
        assertThat(effect.opensNewPosition()).isTrue();
    }

    private static BigDecimal bd(long value) {
        return BigDecimal.valueOf(value);
    }
}
