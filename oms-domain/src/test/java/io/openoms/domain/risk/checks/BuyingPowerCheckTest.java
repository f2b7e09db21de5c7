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
import org.junit.jupiter.api.Test;

class BuyingPowerCheckTest {
    private final BuyingPowerCheck check = new BuyingPowerCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().checkBuyingPower(true).build())
            .buyingPower("100000");

    @Test
    void a_buy_costing_exactly_the_buying_power_passes() {
        // 100 × 1000 = 100000
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void a_buy_costing_one_tick_more_fails() {
        assertFails(
                check.check(limitBuy(100, "1000.05"), context),
                "order notional 100005 of BUY 100 NSE:INFY (CNC) exceeds buying power 100000");
    }

    @Test
    void a_sell_that_opens_a_short_needs_buying_power() {
        assertPasses(check.check(limitSell(100, "1000"), context));
        assertFails(check.check(limitSell(100, "1000.05"), context), "exceeds buying power");
    }

    @Test
    void a_sell_out_of_a_long_needs_no_buying_power() {
        assertPasses(
                check.check(limitSell(500, "1000"), context.buyingPower("0").position(INFY, 500)));
    }

    @Test
    void a_buy_that_covers_a_short_needs_no_buying_power() {
        assertPasses(
                check.check(limitBuy(500, "1000"), context.buyingPower("-10").position(INFY, -500)));
    }

    @Test
    void a_sell_that_flips_a_long_into_a_short_pays_for_its_whole_notional() {
        // 150 × 1000 = 150000 > 100000
        assertFails(check.check(limitSell(150, "1000"), context.position(INFY, 50)), "order notional 150000");
    }

    @Test
    void an_order_without_a_price_fails() {
        assertFails(check.check(request().buy().quantity(1).build(), context), "cannot check checkBuyingPower");
    }

    @Test
    void the_check_is_off_when_switched_off_and_on_by_default() {
        assertPasses(check.check(limitBuy(100, "1000"), context().buyingPower("0")));
        assertFails(
                check.check(
                        limitBuy(100, "1000"),
                        context().limits(RiskLimits.defaults()).buyingPower("0")),
                "exceeds buying power 0");
    }
}
