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

class MaxOpenPositionsCheckTest {
    private final MaxOpenPositionsCheck check = new MaxOpenPositionsCheck();
    private final FakeRiskContext context =
            context().limits(RiskLimits.none().toBuilder().maxOpenPositions(5).build());

    @Test
    void opening_the_fifth_position_passes() {
        assertPasses(check.check(limitBuy(1, "1500"), context.openPositionCount(4)));
    }

    @Test
    void opening_a_sixth_position_fails() {
        assertFails(
                check.check(limitBuy(1, "1500"), context.openPositionCount(5)),
                "would open position number 6 of account ACC1, above maxOpenPositions 5");
    }

    @Test
    void opening_a_short_counts_as_opening_a_position() {
        assertFails(check.check(limitSell(1, "1500"), context.openPositionCount(5)), "maxOpenPositions");
    }

    @Test
    void adding_to_or_reducing_a_held_position_passes_at_the_limit() {
        context.openPositionCount(5).position(INFY, 10);
        assertPasses(check.check(limitBuy(1, "1500"), context));
        assertPasses(check.check(limitSell(10, "1500"), context));
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1, "1500"), context().openPositionCount(500)));
    }
}
