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
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class TradingStateCheckTest {
    private final TradingStateCheck check = new TradingStateCheck();

    private static OrderRequest reduceOnlySell(long quantity) {
        return request()
                .sell()
                .type(OrderType.LIMIT)
                .quantity(quantity)
                .limitPrice("1500")
                .reduceOnly(true)
                .build();
    }

    private static FakeRiskContext longHundred(TradingState state) {
        return context().tradingState(state).position(INFY, 100);
    }

    @Test
    void an_active_account_accepts_an_order_that_grows_a_position() {
        assertPasses(check.check(limitBuy(10, "1500"), longHundred(TradingState.ACTIVE)));
    }

    @Test
    void an_active_account_accepts_a_reduce_only_exit() {
        assertPasses(check.check(reduceOnlySell(40), longHundred(TradingState.ACTIVE)));
    }

    @Test
    void a_reducing_account_accepts_an_unmarked_order_that_shrinks_the_position() {
        assertPasses(check.check(limitSell(40, "1500"), longHundred(TradingState.REDUCING)));
    }

    @Test
    void a_reducing_account_accepts_a_reduce_only_exit() {
        assertPasses(check.check(reduceOnlySell(100), longHundred(TradingState.REDUCING)));
    }

    @Test
    void a_reducing_account_refuses_an_order_that_grows_the_position() {
        assertFails(
                check.check(limitBuy(10, "1500"), longHundred(TradingState.REDUCING)),
                "ACC1 is REDUCING",
                "net 100, after this order 110");
    }

    @Test
    void a_reducing_account_refuses_an_order_that_flips_the_position() {
        assertFails(check.check(limitSell(101, "1500"), longHundred(TradingState.REDUCING)), "is REDUCING");
    }

    @Test
    void a_reducing_account_refuses_an_order_from_flat() {
        assertFails(check.check(limitSell(10, "1500"), context().tradingState(TradingState.REDUCING)), "REDUCING");
    }

    @Test
    void a_reducing_account_counts_working_orders_on_the_same_side() {
        // long 100, working sells 80: a further sell of 20 closes it, 21 would flip it
        FakeRiskContext context = longHundred(TradingState.REDUCING).openOrders(INFY, Side.SELL, 80);
        assertPasses(check.check(limitSell(20, "1500"), context));
        assertFails(check.check(limitSell(21, "1500"), context), "working sells 80, after this order -1");
    }

    @Test
    void a_halted_account_refuses_an_unmarked_order_even_if_it_shrinks_the_position() {
        assertFails(
                check.check(limitSell(40, "1500"), longHundred(TradingState.HALTED)),
                "is HALTED",
                "not marked reduce-only");
    }

    @Test
    void a_halted_account_refuses_a_normal_order_that_grows_the_position() {
        assertFails(check.check(limitBuy(10, "1500"), longHundred(TradingState.HALTED)), "is HALTED");
    }

    @Test
    void a_halted_account_accepts_a_reduce_only_order_that_shrinks_the_position() {
        assertPasses(check.check(reduceOnlySell(100), longHundred(TradingState.HALTED)));
    }

    @Test
    void a_halted_account_refuses_a_reduce_only_order_that_would_flip_the_position() {
        assertFails(
                check.check(reduceOnlySell(101), longHundred(TradingState.HALTED)), "is HALTED", "after this order -1");
    }

    @Test
    void a_halted_account_accepts_a_reduce_only_buy_that_covers_a_short() {
        OrderRequest cover = request()
                .buy()
                .type(OrderType.MARKET)
                .quantity(50)
                .reduceOnly(true)
                .build();
        assertPasses(
                check.check(cover, context().tradingState(TradingState.HALTED).position(INFY, -50)));
    }
}
