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

class MaxDirectionalSkewCheckTest {
    private final MaxDirectionalSkewCheck check = new MaxDirectionalSkewCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxDirectionalSkew(300_000).build())
            .longExposure(300_000)
            .shortExposure(100_000);

    @Test
    void a_skew_equal_to_the_limit_passes() {
        // long 300000 + 100 × 1000 = 400000, short 100000: |400000 - 100000| = 300000
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void a_skew_one_paisa_above_the_limit_fails() {
        // long 300000 + working buys 0.01 + 100 × 1000 = 400000.01, short 100000: 300000.01
        assertFails(
                check.check(limitBuy(100, "1000"), context.openOrderNotional(Side.BUY, "0.01")),
                "directional skew would be 300000.01 (long 400000.01, short 100000 with working orders, after BUY"
                        + " 100 NSE:INFY (CNC)), above maxDirectionalSkew 300000");
    }

    @Test
    void a_flat_accounts_first_order_within_the_limit_passes() {
        // long 0 + 200 × 1500 = 300000, short 0: 300000
        assertPasses(check.check(limitBuy(200, "1500"), context.longExposure(0).shortExposure(0)));
    }

    @Test
    void a_flat_accounts_first_order_above_the_limit_fails() {
        // short 0 + 201 × 1500 = 301500 > 300000
        assertFails(
                check.check(limitSell(201, "1500"), context.longExposure(0).shortExposure(0)),
                "directional skew would be 301500");
    }

    @Test
    void a_long_short_book_can_be_built_leg_by_leg() {
        context.longExposure(0).shortExposure(0);
        // long leg: |300000 - 0| = 300000
        assertPasses(check.check(limitBuy(300, "1000"), context));
        context.longExposure(300_000);
        // short leg: |300000 - 300000| = 0
        assertPasses(check.check(limitSell(300, "1000"), context));
        context.shortExposure(300_000);
        // next long leg: |600000 - 300000| = 300000
        assertPasses(check.check(limitBuy(300, "1000"), context));
    }

    @Test
    void an_order_that_lowers_the_imbalance_passes_even_above_the_limit() {
        // long 900000, short 0: 900000; a short sale of 100000 leaves 800000, above the limit but less skewed
        context.longExposure(900_000).shortExposure(0);
        assertPasses(check.check(limitSell(100, "1000"), context));
    }

    @Test
    void an_order_that_crosses_to_a_larger_imbalance_on_the_other_side_fails() {
        // long 400000, short 100000: 300000; a short sale of 700000 leaves |400000 - 800000| = 400000
        context.longExposure(400_000);
        assertFails(check.check(limitSell(700, "1000"), context), "directional skew would be 400000");
    }

    @Test
    void working_buys_count_on_the_long_side() {
        // long 300000 + working buys 50000 + 1 × 1000 = 351000, short 100000: 251000 ≤ 300000
        context.openOrderNotional(Side.BUY, 50_000);
        assertPasses(check.check(limitBuy(1, "1000"), context));
        // long 300000 + working buys 50000 + 51 × 1000 = 401000, short 100000: 301000 > 300000
        assertFails(
                check.check(limitBuy(51, "1000"), context),
                "directional skew would be 301000 (long 401000, short 100000 with working orders");
    }

    @Test
    void working_sells_count_on_the_short_side() {
        // short 100000 + working sells 150000 = 250000, long 300000 + 100 × 1000 = 400000: 150000
        assertPasses(check.check(limitBuy(100, "1000"), context.openOrderNotional(Side.SELL, 150_000)));
        // short 100000 + working sells 150000 + 451 × 1000 = 701000, long 300000: 401000
        assertFails(check.check(limitSell(451, "1000"), context), "directional skew would be 401000");
    }

    @Test
    void two_stacked_orders_that_each_fit_cannot_together_exceed_the_limit() {
        context.longExposure(0).shortExposure(0);
        // first: long 0 + 200 × 1000 = 200000 ≤ 300000
        assertPasses(check.check(limitBuy(200, "1000"), context));
        // the first is working, unfilled: long 200000 + 200 × 1000 = 400000 > 300000
        context.openOrderNotional(Side.BUY, 200_000);
        assertFails(check.check(limitBuy(200, "1000"), context), "directional skew would be 400000");
    }

    @Test
    void an_order_that_shrinks_a_position_passes() {
        context.longExposure(0).shortExposure(500_000).position(INFY, -500);
        // buying back 100 of the short: exempt (shrinks without flipping)
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void an_order_that_flips_a_position_is_not_exempt() {
        // short 100 INFY; buying 500 flips it: long 300000 + 500 × 1000 = 800000, short 100000: 700000
        context.position(INFY, -100);
        assertFails(check.check(limitBuy(500, "1000"), context), "directional skew would be 700000");
    }

    @Test
    void an_order_without_a_price_fails() {
        assertFails(
                check.check(request().buy().quantity(1).build(), context),
                "cannot check maxDirectionalSkew: MARKET order in NSE:INFY has no price and no last price is known");
    }

    @Test
    void a_market_order_is_valued_at_the_last_price() {
        // long 300000 + 100 × 1000.05 = 400005, short 100000: 300005
        context.lastPrice(INFY, "1000.05");
        assertFails(check.check(request().buy().quantity(100).build(), context), "directional skew would be 300005");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limitBuy(1, "1000"), context().longExposure(1_000_000)));
    }
}
