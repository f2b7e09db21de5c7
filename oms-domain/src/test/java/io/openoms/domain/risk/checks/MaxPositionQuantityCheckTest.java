package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class MaxPositionQuantityCheckTest {
    private final MaxPositionQuantityCheck check = new MaxPositionQuantityCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxPositionQuantity(100).build());

    @Test
    void a_long_that_reaches_the_limit_passes_and_one_more_fails() {
        context.position(INFY, 60);
        assertPasses(check.check(limitBuy(40, "1500"), context));
        assertFails(
                check.check(limitBuy(41, "1500"), context),
                "position 101 after BUY 41 NSE:INFY (CNC) would exceed maxPositionQuantity 100",
                "net 60, after this order 101");
    }

    @Test
    void a_short_is_limited_the_same_way() {
        context.position(INFY, -60);
        assertPasses(check.check(limitSell(40, "1500"), context));
        assertFails(check.check(limitSell(41, "1500"), context), "position 101");
    }

    @Test
    void working_orders_on_the_same_side_count() {
        // long 60 with working buys of 30: 10 more reaches 100
        context.position(INFY, 60).openOrders(INFY, Side.BUY, 30);
        assertPasses(check.check(limitBuy(10, "1500"), context));
        assertFails(check.check(limitBuy(11, "1500"), context), "working buys 30");
    }

    @Test
    void an_order_that_shrinks_a_position_above_the_limit_passes() {
        assertPasses(check.check(limitSell(10, "1500"), context.position(INFY, 150)));
    }

    @Test
    void a_flip_is_measured_on_the_new_side() {
        context.position(INFY, 50);
        // 50 - 150 = -100
        assertPasses(check.check(limitSell(150, "1500"), context));
        assertFails(check.check(limitSell(151, "1500"), context), "position 101");
    }

    @Test
    void an_instrument_override_beats_the_account_limit() {
        FakeRiskContext context = context()
                .limits(RiskLimits.none().toBuilder()
                        .maxPositionQuantity(100)
                        .instrumentOverride(
                                INFY,
                                InstrumentRiskLimits.builder()
                                        .maxPositionQuantity(500)
                                        .build())
                        .build());
        assertPasses(check.check(limitBuy(500, "1500"), context));
        assertFails(check.check(limitBuy(501, "1500"), context), "maxPositionQuantity 500");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1_000_000, "1500"), context()));
    }
}
