package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class DailyLossLimitCheckTest {
    private final DailyLossLimitCheck check = new DailyLossLimitCheck();
    private final FakeRiskContext absolute = context()
            .limits(RiskLimits.none().toBuilder().dailyLossLimit(50_000).build());
    // 2% of capital 1000000 = 20000
    private final FakeRiskContext percent = context()
            .limits(RiskLimits.none().toBuilder().dailyLossLimitPercent("2").build())
            .capital(1_000_000);

    @Test
    void a_loss_just_short_of_the_limit_passes() {
        assertPasses(check.check(limitBuy(1, "1500"), absolute.dailyPnl("-49999.99")));
    }

    @Test
    void a_loss_equal_to_the_limit_refuses_new_orders() {
        assertFails(
                check.check(limitBuy(1, "1500"), absolute.dailyPnl("-50000")),
                "daily P&L -50000 has reached dailyLossLimit 50000");
    }

    @Test
    void a_profit_passes() {
        assertPasses(check.check(limitBuy(1, "1500"), absolute.dailyPnl("120000")));
    }

    @Test
    void the_percentage_limit_is_taken_of_capital() {
        assertPasses(check.check(limitBuy(1, "1500"), percent.dailyPnl("-19999.99")));
        assertFails(
                check.check(limitBuy(1, "1500"), percent.dailyPnl("-20000")),
                "has reached dailyLossLimitPercent 2 of capital 1000000 (20000)");
    }

    @Test
    void when_both_are_set_the_tighter_one_applies() {
        FakeRiskContext both = context()
                .limits(RiskLimits.none().toBuilder()
                        .dailyLossLimit(50_000)
                        .dailyLossLimitPercent("2")
                        .build())
                .capital(1_000_000)
                .dailyPnl("-30000");
        assertFails(check.check(limitBuy(1, "1500"), both), "dailyLossLimitPercent");
    }

    @Test
    void an_order_that_shrinks_a_position_passes_beyond_the_limit() {
        FakeRiskContext losing = absolute.dailyPnl("-80000").position(INFY, 100);
        assertPasses(check.check(limitSell(100, "1500"), losing));
    }

    @Test
    void an_order_that_flips_a_position_is_not_exempt() {
        FakeRiskContext losing = absolute.dailyPnl("-80000").position(INFY, 100);
        assertFails(check.check(limitSell(101, "1500"), losing), "dailyLossLimit");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1, "1500"), context().dailyPnl("-1000000000")));
    }
}
