package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.request;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import org.junit.jupiter.api.Test;

class ReduceOnlyCheckTest {
    private final ReduceOnlyCheck check = new ReduceOnlyCheck();

    private static OrderRequest reduceOnly(Side side, long quantity) {
        return request()
                .side(side)
                .type(OrderType.MARKET)
                .quantity(quantity)
                .reduceOnly(true)
                .build();
    }

    @Test
    void an_order_not_marked_reduce_only_passes_even_from_flat() {
        OrderRequest normal = request().buy().quantity(10).build();
        assertPasses(check.check(normal, context()));
    }

    @Test
    void a_reduce_only_sell_may_close_a_long_exactly() {
        assertPasses(check.check(reduceOnly(Side.SELL, 100), context().position(INFY, 100)));
    }

    @Test
    void a_reduce_only_sell_one_beyond_the_long_would_flip_it_and_is_refused() {
        assertFails(
                check.check(reduceOnly(Side.SELL, 101), context().position(INFY, 100)),
                "reduce-only SELL 101 NSE:INFY (CNC) refused: it would flip the position",
                "net 100, after this order -1");
    }

    @Test
    void two_reduce_only_sells_cannot_together_flip_a_position() {
        // long 100 with a working sell of 60: 40 more closes it, 41 would flip it
        var context = context().position(INFY, 100).openOrders(INFY, Side.SELL, 60);
        assertPasses(check.check(reduceOnly(Side.SELL, 40), context));
        assertFails(check.check(reduceOnly(Side.SELL, 41), context), "flip", "working sells 60");
    }

    @Test
    void a_reduce_only_order_from_flat_has_nothing_to_reduce() {
        assertFails(check.check(reduceOnly(Side.SELL, 1), context()), "nothing to reduce");
    }

    @Test
    void a_reduce_only_buy_on_a_long_would_grow_it() {
        assertFails(check.check(reduceOnly(Side.BUY, 1), context().position(INFY, 100)), "grow the position");
    }

    @Test
    void a_reduce_only_buy_may_cover_a_short() {
        assertPasses(check.check(reduceOnly(Side.BUY, 50), context().position(INFY, -50)));
        assertFails(check.check(reduceOnly(Side.BUY, 51), context().position(INFY, -50)), "flip");
    }

    @Test
    void the_position_is_the_one_under_the_order_product() {
        // long 100 under MIS, nothing under CNC: a CNC reduce-only sell has nothing to reduce
        var context = context().position(INFY, Product.MIS, 100);
        assertFails(check.check(reduceOnly(Side.SELL, 10), context), "nothing to reduce");
    }
}
