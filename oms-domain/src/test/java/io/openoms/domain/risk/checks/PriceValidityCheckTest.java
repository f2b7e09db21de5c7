package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import org.junit.jupiter.api.Test;

class PriceValidityCheckTest {
    private final PriceValidityCheck check = new PriceValidityCheck();

    private static OrderRequest stopLimitBuy(String limit, String trigger) {
        return request()
                .buy()
                .type(OrderType.STOP_LIMIT)
                .quantity(1)
                .limitPrice(limit)
                .triggerPrice(trigger)
                .build();
    }

    @Test
    void a_limit_price_on_the_tick_grid_passes() {
        // NSE:INFY ticks in 0.05
        assertPasses(check.check(limitBuy(1, "1500.05"), context()));
    }

    @Test
    void a_limit_price_off_the_tick_grid_fails() {
        assertFails(check.check(limitBuy(1, "1500.03"), context()), "limit price 1500.03", "tick size 0.05");
    }

    @Test
    void a_zero_or_negative_limit_price_fails() {
        assertFails(check.check(limitBuy(1, "0"), context()), "must be positive");
        assertFails(check.check(limitBuy(1, "-0.05"), context()), "must be positive");
    }

    @Test
    void the_trigger_price_is_checked_too() {
        assertPasses(check.check(stopLimitBuy("1501", "1500.95"), context()));
        assertFails(check.check(stopLimitBuy("1501", "1500.99"), context()), "trigger price 1500.99");
    }

    @Test
    void a_market_order_has_no_price_to_check() {
        assertPasses(check.check(request().buy().quantity(1).build(), context()));
    }

    @Test
    void an_unknown_instrument_fails_closed() {
        assertFails(check.check(limitBuy(1, "1500"), context().withoutInstrument(INFY)), "unknown instrument");
    }
}
