package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class MaxOpenOrdersCheckTest {
    private final MaxOpenOrdersCheck check = new MaxOpenOrdersCheck();
    private final FakeRiskContext context =
            context().limits(RiskLimits.none().toBuilder().maxOpenOrders(10).build());

    @Test
    void the_order_that_makes_the_count_equal_to_the_limit_passes() {
        assertPasses(check.check(limitBuy(1, "1500"), context.openOrderCount(9)));
    }

    @Test
    void the_order_beyond_the_limit_fails() {
        assertFails(
                check.check(limitBuy(1, "1500"), context.openOrderCount(10)),
                "open orders would be 11 with this order, above maxOpenOrders 10");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1, "1500"), context().openOrderCount(10_000)));
    }
}
