package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class MaxGrossExposureCheckTest {
    private final MaxGrossExposureCheck check = new MaxGrossExposureCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxGrossExposure(1_000_000).build())
            .grossExposure(900_000);

    @Test
    void an_order_that_brings_exposure_to_the_limit_passes() {
        // 900000 + 100 × 1000 = 1000000
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void an_order_one_tick_beyond_the_limit_fails() {
        // 900000 + 100 × 1000.05 = 1000005
        assertFails(
                check.check(limitBuy(100, "1000.05"), context),
                "gross exposure would be 1000005 (positions 900000 + working orders 0 + order 100005), above"
                        + " maxGrossExposure 1000000");
    }

    @Test
    void working_orders_on_both_sides_count_toward_the_limit() {
        context.openOrderNotional(Side.BUY, 40_000).openOrderNotional(Side.SELL, 10_000);
        // 900000 + 40000 + 10000 + 50 × 1000 = 1000000
        assertPasses(check.check(limitBuy(50, "1000"), context));
        // 900000 + 40000 + 10000 + 50 × 1000.05 = 1000002.5
        assertFails(
                check.check(limitBuy(50, "1000.05"), context),
                "gross exposure would be 1000002.5 (positions 900000 + working orders 50000 + order 50002.5), above"
                        + " maxGrossExposure 1000000");
    }

    @Test
    void two_stacked_orders_that_each_fit_cannot_together_exceed_the_limit() {
        // first: 900000 + 60 × 1000 = 960000 ≤ 1000000
        assertPasses(check.check(limitBuy(60, "1000"), context));
        // the first is working, unfilled: 900000 + 60000 + 60 × 1000 = 1020000 > 1000000
        context.openOrderNotional(Side.BUY, 60_000);
        assertFails(check.check(limitBuy(60, "1000"), context), "gross exposure would be 1020000");
    }

    @Test
    void a_short_sale_adds_exposure_too() {
        assertFails(check.check(limitSell(101, "1000"), context), "maxGrossExposure");
    }

    @Test
    void an_exit_passes_when_exposure_is_already_above_the_limit() {
        assertPasses(check.check(
                limitSell(100, "1000"), context.grossExposure(5_000_000).position(INFY, 100)));
    }

    @Test
    void an_order_without_a_price_fails() {
        assertFails(check.check(request().buy().quantity(1).build(), context), "cannot check maxGrossExposure");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1_000_000, "1500"), context().grossExposure(1_000_000_000)));
    }
}
