package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class MaxRiskPerTradeCheckTest {
    private final MaxRiskPerTradeCheck check = new MaxRiskPerTradeCheck();
    // 0.5% of 1000000 = 5000
    private final FakeRiskContext context = context()
            .limits(RiskLimits.none().toBuilder().maxRiskPerTradePercent("0.5").build())
            .capital(1_000_000);

    private static OrderRequest limit(Side side, long quantity, String price, String stopLoss) {
        return request()
                .side(side)
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice(price)
                .stopLoss(stopLoss)
                .build();
    }

    @Test
    void a_risk_equal_to_the_limit_passes() {
        // |100 - 95| × 1000 = 5000
        assertPasses(check.check(limit(Side.BUY, 1000, "100", "95"), context));
        assertPasses(check.check(limit(Side.SELL, 1000, "100", "105"), context));
    }

    @Test
    void a_risk_one_tick_above_the_limit_fails() {
        // |100 - 94.95| × 1000 = 5050
        assertFails(
                check.check(limit(Side.BUY, 1000, "100", "94.95"), context),
                "risk 5050 (|100 - 94.95| × 1000) exceeds maxRiskPerTradePercent 0.5 of capital 1000000 (5000)");
    }

    @Test
    void a_stop_loss_on_the_wrong_side_of_the_entry_fails() {
        assertFails(
                check.check(limit(Side.BUY, 1, "100", "100"), context),
                "stop loss 100 must be below the entry 100 of a BUY");
        assertFails(
                check.check(limit(Side.SELL, 1, "100", "99"), context),
                "stop loss 99 must be above the entry 100 of a SELL");
    }

    @Test
    void a_market_order_is_entered_at_the_last_price() {
        OrderRequest market = request().buy().quantity(1000).stopLoss("95").build();
        assertPasses(check.check(market, context.lastPrice(INFY, "100")));
        assertFails(check.check(market, context.lastPrice(INFY, "100.05")), "risk 5050");
    }

    @Test
    void a_market_order_without_a_last_price_fails() {
        OrderRequest market = request().buy().quantity(1000).stopLoss("95").build();
        assertFails(check.check(market, context), "cannot check maxRiskPerTradePercent");
    }

    @Test
    void a_request_without_a_stop_loss_passes() {
        assertPasses(check.check(limitBuy(1_000_000, "100"), context));
    }

    @Test
    void an_exit_passes() {
        assertPasses(check.check(limit(Side.SELL, 1000, "100", "200"), context.position(INFY, 1000)));
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limit(Side.BUY, 1000, "100", "1"), context().capital(1)));
    }
}
