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

class PriceBandCheckTest {
    private final PriceBandCheck check = new PriceBandCheck();
    // band 5% around 100: 95 to 105
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().priceBandPercent("5").build())
            .lastPrice(INFY, "100");

    @Test
    void a_limit_price_on_the_band_edges_passes() {
        assertPasses(check.check(limitBuy(1, "105"), context));
        assertPasses(check.check(limitSell(1, "95"), context));
    }

    @Test
    void a_limit_price_one_tick_outside_the_band_fails() {
        assertFails(
                check.check(limitBuy(1, "105.05"), context),
                "limit price 105.05 is outside priceBandPercent 5 around the last price 100 (allowed 95 to 105)");
        assertFails(check.check(limitSell(1, "94.95"), context), "limit price 94.95");
    }

    @Test
    void a_trigger_price_outside_the_band_fails() {
        OrderRequest stop = request()
                .buy()
                .type(OrderType.STOP)
                .quantity(1)
                .triggerPrice("106")
                .build();
        assertFails(check.check(stop, context), "trigger price 106");
    }

    @Test
    void a_market_order_has_no_price_to_check() {
        assertPasses(check.check(request().buy().quantity(1).build(), context));
    }

    @Test
    void without_a_last_price_a_priced_order_fails_closed() {
        FakeRiskContext noPrice = context()
                .limits(RiskLimits.none().toBuilder().priceBandPercent("5").build());
        assertFails(check.check(limitBuy(1, "100"), noPrice), "no last price is known for NSE:INFY");
    }

    @Test
    void the_check_is_off_without_a_band() {
        assertPasses(check.check(limitBuy(1, "1000"), context().lastPrice(INFY, "100")));
    }

    @Test
    void reduce_only_exits_are_not_exempt_from_the_band() {
        OrderRequest exit = request()
                .sell()
                .type(OrderType.LIMIT)
                .quantity(1)
                .limitPrice("50")
                .reduceOnly(true)
                .build();
        assertFails(check.check(exit, context.position(INFY, 10)), "priceBandPercent");
    }
}
