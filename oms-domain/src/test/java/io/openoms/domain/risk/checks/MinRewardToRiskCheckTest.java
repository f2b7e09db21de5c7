package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class MinRewardToRiskCheckTest {
    private final MinRewardToRiskCheck check = new MinRewardToRiskCheck();
    private final FakeRiskContext context =
            context().limits(RiskLimits.none().toBuilder().minRewardToRisk("2").build());

    private static OrderRequest limit(Side side, String price, String stopLoss, String takeProfit) {
        return request()
                .side(side)
                .type(OrderType.LIMIT)
                .quantity(10)
                .limitPrice(price)
                .stopLoss(stopLoss)
                .takeProfit(takeProfit)
                .build();
    }

    @Test
    void a_ratio_equal_to_the_minimum_passes() {
        // buy: |110 - 100| / |100 - 95| = 2; sell: |90 - 100| / |100 - 105| = 2
        assertPasses(check.check(limit(Side.BUY, "100", "95", "110"), context));
        assertPasses(check.check(limit(Side.SELL, "100", "105", "90"), context));
    }

    @Test
    void a_ratio_just_below_the_minimum_fails() {
        // 9.95 / 5 = 1.99
        assertFails(
                check.check(limit(Side.BUY, "100", "95", "109.95"), context),
                "reward-to-risk 1.99 (reward 9.95 / risk 5 per unit, entry 100) is below minRewardToRisk 2");
    }

    @Test
    void a_stop_loss_on_the_wrong_side_fails() {
        assertFails(check.check(limit(Side.BUY, "100", "101", "110"), context), "stop loss 101 must be below");
    }

    @Test
    void a_take_profit_on_the_wrong_side_fails() {
        assertFails(
                check.check(limit(Side.BUY, "100", "95", "90"), context),
                "take profit 90 must be above the entry 100 of a BUY");
        assertFails(
                check.check(limit(Side.SELL, "100", "105", "100"), context),
                "take profit 100 must be below the entry 100 of a SELL");
    }

    @Test
    void a_request_without_both_levels_passes() {
        OrderRequest onlyStop = request()
                .buy()
                .type(OrderType.LIMIT)
                .quantity(1)
                .limitPrice("100")
                .stopLoss("99")
                .build();
        OrderRequest onlyTarget = request()
                .buy()
                .type(OrderType.LIMIT)
                .quantity(1)
                .limitPrice("100")
                .takeProfit("100.05")
                .build();
        assertPasses(check.check(onlyStop, context));
        assertPasses(check.check(onlyTarget, context));
    }

    @Test
    void a_market_order_without_a_last_price_fails() {
        OrderRequest market =
                request().buy().quantity(1).stopLoss("95").takeProfit("110").build();
        assertFails(check.check(market, context), "cannot check minRewardToRisk");
        assertPasses(check.check(market, context.lastPrice(INFY, "100")));
    }

    @Test
    void an_exit_passes() {
        assertPasses(check.check(limit(Side.SELL, "100", "101", "99"), context.position(INFY, 10)));
    }

    @Test
    void the_check_is_off_without_a_limit() {
        assertPasses(check.check(limit(Side.BUY, "100", "95", "100.05"), context()));
    }
}
