package io.openoms.domain.risk;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.INFY_INSTRUMENT;
import static io.openoms.domain.risk.FakeRiskContext.MONDAY_10_00_IST;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A modification is checked as the order would stand after it, in a world without the order as it is. */
class PreTradeValidatorModificationTest {
    private static final ClientOrderId ID = ClientOrderId.of("O-1");
    private static final AccountId ACC1 = AccountId.of("ACC1");

    private final OrderManager orders = new OrderManager();
    private final Seen seen = new Seen();
    private final PreTradeValidator validator = PreTradeValidator.of(seen);

    @Test
    void the_checks_see_what_would_be_left_to_fill_at_the_new_price() {
        Order order = working(FakeRiskContext.limitBuy(10, "100"), 4);

        validator.validateModification(order, change(15, "101"), context());

        assertThat(seen.request.quantity()).isEqualTo(Quantity.of(11));
        assertThat(seen.request.limitPrice()).contains(Price.of("101"));
        assertThat(seen.request.side()).isEqualTo(Side.BUY);
        assertThat(seen.request.account()).isEqualTo(ACC1);
    }

    @Test
    void the_order_is_taken_out_of_the_working_orders_and_releases_its_buying_power() {
        Order order = working(FakeRiskContext.limitBuy(10, "100"), 4); // 6 left, holding 600
        FakeRiskContext world = context()
                .openOrders(INFY, Side.BUY, 8)
                .openOrderCount(3)
                .openOrderNotional(Side.BUY, 900)
                .openOrderNotional(Side.SELL, 50)
                .buyingPower("1000");

        validator.validateModification(order, OrderModification.limitPrice(Price.of("99")), world);

        assertThat(seen.openBuys).isEqualByComparingTo("2");
        assertThat(seen.openSells).isEqualByComparingTo("0");
        assertThat(seen.openOrders).isEqualTo(2);
        assertThat(seen.buyNotional).isEqualTo(Money.of(300));
        assertThat(seen.sellNotional).isEqualTo(Money.of(50));
        assertThat(seen.buyingPower).isEqualTo(Money.of(1600));
    }

    @Test
    void a_sell_holds_no_buying_power_to_release() {
        Order order = working(FakeRiskContext.limitSell(10, "100"), 0);

        validator.validateModification(
                order, OrderModification.quantity(Quantity.of(12)), context().buyingPower("1000"));

        assertThat(seen.buyingPower).isEqualTo(Money.of(1000));
    }

    @Test
    void under_reducing_only_a_lower_quantity_at_the_same_prices_sees_active() {
        Order order = working(FakeRiskContext.limitBuy(10, "100"), 0);
        FakeRiskContext reducing = context().tradingState(TradingState.REDUCING);

        validator.validateModification(order, OrderModification.quantity(Quantity.of(9)), reducing);
        assertThat(seen.state).isEqualTo(TradingState.ACTIVE);

        validator.validateModification(order, change(9, "100"), reducing);
        assertThat(seen.state).isEqualTo(TradingState.ACTIVE);

        validator.validateModification(order, OrderModification.quantity(Quantity.of(11)), reducing);
        assertThat(seen.state).isEqualTo(TradingState.REDUCING);

        validator.validateModification(order, change(9, "99.95"), reducing);
        assertThat(seen.state).isEqualTo(TradingState.REDUCING);

        validator.validateModification(
                order, OrderModification.quantity(Quantity.of(9)), context().tradingState(TradingState.HALTED));
        assertThat(seen.state).isEqualTo(TradingState.HALTED);
    }

    @Test
    void a_refusal_names_the_check_as_for_a_new_order() {
        Order order = working(FakeRiskContext.limitBuy(10, "100"), 0);
        PreTradeValidator bounded = PreTradeValidator.of(new io.openoms.domain.risk.checks.MaxOrderQuantityCheck());
        FakeRiskContext world = context()
                .limits(RiskLimits.none().toBuilder().maxOrderQuantity(20).build());

        RiskDecision past = bounded.validateModification(order, OrderModification.quantity(Quantity.of(21)), world);
        RiskDecision at = bounded.validateModification(order, OrderModification.quantity(Quantity.of(20)), world);

        assertThat(past.rejectedBy()).contains("MAX_ORDER_QUANTITY");
        assertThat(at.approved()).isTrue();
    }

    @Test
    void an_order_that_is_not_working_cannot_be_modified() {
        orders.create(ID, FakeRiskContext.limitBuy(10, "100"), Optional.of(INFY_INSTRUMENT), MONDAY_10_00_IST);

        assertThatThrownBy(() -> validator.validateModification(
                        orders.get(ID), OrderModification.quantity(Quantity.of(9)), context()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("O-1");
    }

    private Order working(OrderRequest request, long filled) {
        orders.create(ID, request, Optional.of(INFY_INSTRUMENT), MONDAY_10_00_IST);
        orders.release(ID, MONDAY_10_00_IST);
        orders.markSubmitted(ID, MONDAY_10_00_IST);
        orders.accept(ID, BrokerOrderId.of("B-1"), MONDAY_10_00_IST);
        if (filled > 0) {
            orders.applyFill(ID, Fill.of("T-1", filled, "100", "0", MONDAY_10_00_IST), MONDAY_10_00_IST);
        }
        return orders.get(ID);
    }

    private static OrderModification change(long quantity, String price) {
        return new OrderModification(
                Optional.of(Quantity.of(quantity)), Optional.of(Price.of(price)), Optional.empty());
    }

    /** Records what a check is shown, and passes. */
    private static final class Seen implements RiskCheck {
        OrderRequest request;
        TradingState state;
        BigDecimal openBuys;
        BigDecimal openSells;
        int openOrders;
        Money buyNotional;
        Money sellNotional;
        Money buyingPower;

        @Override
        public String name() {
            return "SEEN";
        }

        @Override
        public RiskCheckResult check(OrderRequest request, RiskContext context) {
            this.request = request;
            state = context.tradingState(request.account());
            openBuys = context.openOrderQuantity(request.account(), INFY, Product.CNC, Side.BUY);
            openSells = context.openOrderQuantity(request.account(), INFY, Product.CNC, Side.SELL);
            openOrders = context.openOrderCount(request.account());
            buyNotional = context.openOrderNotional(request.account(), Side.BUY);
            sellNotional = context.openOrderNotional(request.account(), Side.SELL);
            buyingPower = context.buyingPower(request.account());
            return RiskCheckResult.pass();
        }
    }
}
