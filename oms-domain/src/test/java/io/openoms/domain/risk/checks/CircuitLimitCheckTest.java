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
import org.junit.jupiter.api.Test;

class CircuitLimitCheckTest {
    private final CircuitLimitCheck check = new CircuitLimitCheck();
    private final FakeRiskContext context = context().circuitLimits(INFY, "1350.00", "1650.00");

    @Test
    void prices_on_the_circuit_limits_pass() {
        assertPasses(check.check(limitBuy(1, "1650.00"), context));
        assertPasses(check.check(limitSell(1, "1350.00"), context));
    }

    @Test
    void a_limit_price_one_tick_past_a_circuit_limit_is_refused_with_the_band() {
        assertFails(
                check.check(limitBuy(1, "1650.05"), context),
                "limit price 1650.05 is outside today's circuit limits of NSE:INFY (1350 to 1650)");
        assertFails(check.check(limitSell(1, "1349.95"), context), "limit price 1349.95");
    }

    @Test
    void a_trigger_price_past_a_circuit_limit_is_refused() {
        OrderRequest stop = request()
                .sell()
                .type(OrderType.STOP)
                .quantity(1)
                .triggerPrice("1300")
                .build();
        assertFails(check.check(stop, context), "trigger price 1300");
    }

    @Test
    void a_market_order_has_no_price_to_check() {
        assertPasses(check.check(request().buy().quantity(1).build(), context));
    }

    @Test
    void without_known_circuit_limits_the_exchange_decides() {
        assertPasses(check.check(limitBuy(1, "99999"), context()));
    }
}
