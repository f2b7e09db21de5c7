package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class MaxPositionValueCheckTest {
    private final MaxPositionValueCheck check = new MaxPositionValueCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxPositionValue(150_000).build())
            .position(INFY, 50);

    @Test
    void a_position_worth_exactly_the_limit_passes() {
        // (50 + 50) × 1500 = 150000
        assertPasses(check.check(limitBuy(50, "1500"), context));
    }

    @Test
    void a_position_worth_one_tick_more_fails() {
        // 100 × 1500.05 = 150005
        assertFails(
                check.check(limitBuy(50, "1500.05"), context),
                "position value 150005 (100 × 1500.05) after BUY 50 NSE:INFY (CNC) would exceed maxPositionValue"
                        + " 150000");
    }

    @Test
    void a_market_order_without_a_last_price_fails() {
        assertFails(check.check(request().buy().quantity(1).build(), context), "cannot check maxPositionValue");
    }

    @Test
    void a_market_exit_passes_even_without_a_price() {
        assertPasses(check.check(request().sell().quantity(50).build(), context.position(INFY, 400)));
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1_000_000, "1500"), context()));
    }
}
