package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.limitSell;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import org.junit.jupiter.api.Test;

class MaxOrderNotionalCheckTest {
    private final MaxOrderNotionalCheck check = new MaxOrderNotionalCheck();
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxOrderNotional(100_000).build());

    @Test
    void a_limit_order_at_exactly_the_limit_passes() {
        // 100 × 1000 = 100000
        assertPasses(check.check(limitBuy(100, "1000"), context));
    }

    @Test
    void a_limit_order_one_tick_above_the_limit_fails() {
        // 100 × 1000.05 = 100005
        assertFails(
                check.check(limitBuy(100, "1000.05"), context),
                "order notional 100005 (100 × 1000.05) exceeds maxOrderNotional 100000");
    }

    @Test
    void a_market_order_is_valued_at_the_last_price() {
        context.lastPrice(INFY, "1000");
        assertPasses(check.check(request().buy().quantity(100).build(), context));
        // 101 × 1000 = 101000
        assertFails(check.check(request().buy().quantity(101).build(), context), "order notional 101000");
    }

    @Test
    void a_market_order_without_a_last_price_fails() {
        assertFails(
                check.check(request().buy().quantity(1).build(), context),
                "cannot check maxOrderNotional: MARKET order in NSE:INFY has no price and no last price is known");
    }

    @Test
    void a_stop_order_is_valued_at_its_trigger_or_the_last_price_whichever_is_higher() {
        OrderRequest stop = request()
                .buy()
                .type(OrderType.STOP)
                .quantity(100)
                .triggerPrice("1000")
                .build();
        // trigger 1000, no last price: 100000
        assertPasses(check.check(stop, context));
        // last 1000.05 is higher: 100005
        assertFails(check.check(stop, context.lastPrice(INFY, "1000.05")), "100005");
    }

    @Test
    void exits_are_not_exempt() {
        assertFails(check.check(limitSell(200, "1000"), context.position(INFY, 1000)), "maxOrderNotional");
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(request().buy().quantity(1_000_000).build(), context()));
    }
}
