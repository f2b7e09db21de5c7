package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.BROKER;
import static io.openoms.application.testing.EngineHarness.TCS;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.checks.BuyingPowerCheck;
import io.openoms.domain.risk.checks.DailyLossLimitCheck;
import io.openoms.domain.risk.checks.MarketHoursCheck;
import io.openoms.domain.risk.checks.MaxDirectionalSkewCheck;
import io.openoms.domain.risk.checks.MaxGrossExposureCheck;
import io.openoms.domain.risk.checks.MaxOpenOrdersCheck;
import io.openoms.domain.risk.checks.MaxOpenPositionsCheck;
import io.openoms.domain.risk.checks.MaxOrderNotionalCheck;
import io.openoms.domain.risk.checks.MaxOrderQuantityCheck;
import io.openoms.domain.risk.checks.MaxPositionQuantityCheck;
import io.openoms.domain.risk.checks.MaxPositionValueCheck;
import io.openoms.domain.risk.checks.MaxRiskPerTradeCheck;
import io.openoms.domain.risk.checks.MinRewardToRiskCheck;
import io.openoms.domain.risk.checks.PriceBandCheck;
import io.openoms.domain.risk.checks.ReduceOnlyCheck;
import io.openoms.domain.risk.checks.TradingStateCheck;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A modify passes the pre-trade checks a submit would, for the order as it would stand after the
 * change: per check, the modification at the limit is applied and the one just past it is refused,
 * leaving the order exactly as it was (no event, nothing sent to the broker).
 */
class TradingEngineModifyRiskTest {
    private final EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void a_new_price_outside_the_price_band_is_refused() {
        Order order = restingBuy(limits().priceBandPercent("10"));

        refused(order, price("113"), PriceBandCheck.NAME);
        refused(order, price("110.05"), PriceBandCheck.NAME);
        applied(order, price("110"));
    }

    @Test
    void a_new_trigger_price_outside_the_price_band_is_refused() {
        f.start();
        Order stop = f.submitAcknowledged(buy(10, "100")
                .type(OrderType.STOP_LIMIT)
                .triggerPrice("100")
                .limitPrice("100")
                .build());
        limits(limits().priceBandPercent("10"));

        refused(stop, OrderModification.triggerPrice(Price.of("110.05")), PriceBandCheck.NAME);
        applied(stop, OrderModification.triggerPrice(Price.of("110")));
    }

    @Test
    void a_new_quantity_above_max_order_quantity_is_refused() {
        Order order = restingBuy(limits().maxOrderQuantity(1_000));

        refused(order, quantity(100_000), MaxOrderQuantityCheck.NAME);
        refused(order, quantity(1_001), MaxOrderQuantityCheck.NAME);
        applied(order, quantity(1_000));
    }

    @Test
    void a_modification_above_max_order_notional_is_refused() {
        Order order = restingBuy(limits().maxOrderNotional(2_000));

        refused(order, quantity(21), MaxOrderNotionalCheck.NAME);
        refused(order, price("200.05"), MaxOrderNotionalCheck.NAME);
        applied(order, quantity(20));
    }

    @Test
    void a_modification_does_not_count_as_one_more_open_order() {
        Order order = restingBuy(limits());
        f.submitAcknowledged(buy(1, "100").build());

        limits(limits().maxOpenOrders(1));
        refused(order, quantity(11), MaxOpenOrdersCheck.NAME);
        limits(limits().maxOpenOrders(2));
        applied(order, quantity(11));
    }

    @Test
    void max_position_quantity_counts_the_filled_part_once() {
        Order order = restingBuy(limits().maxPositionQuantity(20));
        f.fill(order, "T1", 4, "100");
        f.awaitStatus(order.id(), OrderStatus.PARTIALLY_FILLED);

        // 4 held + 17 left to fill = 21 > 20; 4 + 16 = 20 fits.
        refused(order, quantity(21), MaxPositionQuantityCheck.NAME);
        applied(order, quantity(20));
    }

    @Test
    void a_modification_that_would_open_one_position_too_many_is_refused() {
        f.start();
        Order tcs = f.submitAcknowledged(buy(1, "200").instrument(TCS).build());
        get(f.engine.applyBrokerTrade(
                BROKER,
                new BrokerTrade(
                        tcs.brokerOrderId().orElseThrow(),
                        TCS,
                        Side.BUY,
                        Product.CNC,
                        Fill.of("T-TCS", 1, "200", "0", f.clock.instant()))));
        Order order = f.submitAcknowledged(buy(10, "100").build());

        limits(limits().maxOpenPositions(1));
        refused(order, quantity(11), MaxOpenPositionsCheck.NAME);
        limits(limits().maxOpenPositions(2));
        applied(order, quantity(11));
    }

    /** 10 × 100 rests; each limit is 2,000: modified to 20 × 100 it fits, counted once, and 21 × 100 does not. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MaxPositionValueCheck.NAME, MaxGrossExposureCheck.NAME, MaxDirectionalSkewCheck.NAME})
    void value_limits_count_the_order_as_modified_and_not_twice(String check) {
        RiskLimits.Builder limits =
                switch (check) {
                    case MaxPositionValueCheck.NAME -> limits().maxPositionValue(2_000);
                    case MaxGrossExposureCheck.NAME -> limits().maxGrossExposure(2_000);
                    default -> limits().maxDirectionalSkew(2_000);
                };
        Order order = restingBuy(limits);

        refused(order, quantity(21), check);
        applied(order, quantity(20));
    }

    @Test
    void buying_power_is_needed_for_the_increase_only() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());
        f.submitAcknowledged(buy(1_000, "100").build());

        // 500,000 of buying power, 100,000 held by the other order: the modified order may hold 400,000.
        refused(order, quantity(4_001), BuyingPowerCheck.NAME);
        applied(order, quantity(4_000));
    }

    @Test
    void a_modification_that_grows_a_position_is_refused_once_the_daily_loss_limit_is_reached() {
        f.start();
        f.fill(f.submitAcknowledged(buy(10, "100").build()), "T1", 10, "100");
        f.marketData.setLastPrice(EngineHarness.INFY, Price.of(90));
        Order order = f.submitAcknowledged(buy(10, "90").build());

        limits(limits().dailyLossLimit(100));
        refused(order, quantity(11), DailyLossLimitCheck.NAME);
        limits(limits().dailyLossLimit(101));
        applied(order, quantity(11));
    }

    @Test
    void while_reducing_only_a_modification_that_takes_risk_away_passes() {
        Order order = restingBuy(limits());
        tradingState(TradingState.REDUCING);

        refused(order, quantity(11), TradingStateCheck.NAME);
        refused(order, price("99.95"), TradingStateCheck.NAME);
        refused(
                order,
                new OrderModification(Optional.of(Quantity.of(9)), Optional.of(Price.of("100.05")), Optional.empty()),
                TradingStateCheck.NAME);
        applied(order, quantity(9));
    }

    @Test
    void while_halted_no_modification_of_an_opening_order_passes() {
        Order order = restingBuy(limits());
        tradingState(TradingState.HALTED);

        refused(order, quantity(9), TradingStateCheck.NAME);
        tradingState(TradingState.ACTIVE);
        applied(order, quantity(9));
    }

    @Test
    void a_reduce_only_order_cannot_be_modified_into_flipping_the_position() {
        f.start();
        f.fill(f.submitAcknowledged(buy(10, "100").build()), "T1", 10, "100");
        Order exit = f.submitAcknowledged(
                buy(5, "100").side(Side.SELL).reduceOnly(true).build());

        refused(exit, quantity(11), ReduceOnlyCheck.NAME);
        applied(exit, quantity(10));
    }

    @Test
    void a_modification_outside_market_hours_is_refused() {
        Order order = restingBuy(limits());

        f.clock.set(Instant.parse("2024-03-04T10:00:00Z")); // 15:30 in Mumbai: closed
        refused(order, price("99"), MarketHoursCheck.NAME);
        f.clock.set(Instant.parse("2024-03-04T09:59:59Z"));
        applied(order, price("99"));
    }

    @Test
    void a_modification_above_the_risk_per_trade_is_refused() {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").stopLoss("90").build());
        limits(limits().maxRiskPerTradePercent("0.1")); // 0.1% of 1,000,000 = 1,000 = 100 × |100 - 90|

        refused(order, quantity(101), MaxRiskPerTradeCheck.NAME);
        applied(order, quantity(100));
    }

    @Test
    void a_new_price_below_the_reward_to_risk_minimum_is_refused() {
        f.start();
        Order order = f.submitAcknowledged(
                buy(10, "100").stopLoss("90").takeProfit("120").build());
        limits(limits().minRewardToRisk("1")); // entry 105: reward 15 = risk 15

        refused(order, price("105.05"), MinRewardToRiskCheck.NAME);
        applied(order, price("105"));
    }

    @Test
    void values_that_do_not_fit_the_instrument_are_invalid_as_in_a_submit() {
        Order order = restingBuy(limits());

        invalid(order, OrderModification.quantity(Quantity.of("10.5")), "quantity: ");
        invalid(order, price("100.03"), "price: ");
        invalid(order, price("0"), "price: ");
        invalid(order, price("-1"), "price: ");
        applied(order, price("100.05"));
    }

    @Test
    void a_refused_modification_leaves_the_order_modifiable() {
        Order order = restingBuy(limits().priceBandPercent("10"));

        refused(order, price("120"), PriceBandCheck.NAME);

        assertThat(f.stored(order.id()).modificationCount()).isZero();
        applied(order, price("101"));
        assertThat(f.stored(order.id()).limitPrice()).contains(Price.of("101"));
    }

    private Order restingBuy(RiskLimits.Builder limits) {
        f.start();
        Order order = f.submitAcknowledged(buy(10, "100").build());
        limits(limits);
        return order;
    }

    private static RiskLimits.Builder limits() {
        return RiskLimits.builder();
    }

    private void limits(RiskLimits.Builder limits) {
        get(f.engine.replaceLimits(ACCOUNT, limits.build(), "test"));
    }

    private void tradingState(TradingState state) {
        get(f.engine.setTradingState(ACCOUNT, state, "test", "test"));
    }

    private static OrderModification quantity(long quantity) {
        return OrderModification.quantity(Quantity.of(quantity));
    }

    private static OrderModification price(String price) {
        return OrderModification.limitPrice(Price.of(price));
    }

    private OrderCommandResult modify(Order order, OrderModification modification) {
        return get(f.engine.modify(new ModifyOrder(order.id(), modification)));
    }

    private void refused(Order order, OrderModification modification, String check) {
        refusedWithoutTrace(order, modification, result -> assertThat(result)
                .isInstanceOfSatisfying(OrderCommandResult.ModificationRefused.class, refused -> {
                    assertThat(refused.check()).isEqualTo(check);
                    assertThat(refused.order()).isEqualTo(f.stored(order.id()));
                }));
    }

    private void invalid(Order order, OrderModification modification, String field) {
        refusedWithoutTrace(order, modification, result -> assertThat(result)
                .isInstanceOfSatisfying(OrderCommandResult.Failed.class, failed -> {
                    assertThat(failed.code()).isEqualTo(FailureCode.VALIDATION_INVALID_REQUEST);
                    assertThat(failed.message()).startsWith(field);
                }));
    }

    /** The answer satisfies {@code expected}, and the order is as it was: no event, nothing sent or published. */
    private void refusedWithoutTrace(
            Order order, OrderModification modification, Consumer<OrderCommandResult> expected) {
        Order before = f.stored(order.id());
        int sent = f.broker.modifiedOrders().size();
        int published = f.publisher.ofOrder(order.id()).size();

        expected.accept(modify(order, modification));

        f.sync();
        Order after = f.stored(before.id());
        assertThat(after.lastSequence()).as("%s of %s", modification, before).isEqualTo(before.lastSequence());
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.quantity()).isEqualTo(before.quantity());
        assertThat(after.limitPrice()).isEqualTo(before.limitPrice());
        assertThat(after.triggerPrice()).isEqualTo(before.triggerPrice());
        assertThat(f.broker.modifiedOrders()).hasSize(sent);
        assertThat(f.publisher.ofOrder(before.id())).hasSize(published);
    }

    private void applied(Order order, OrderModification modification) {
        OrderStatus working = f.stored(order.id()).status();

        OrderCommandResult result = modify(order, modification);

        assertThat(result)
                .as("%s", modification)
                .isInstanceOfSatisfying(
                        OrderCommandResult.Accepted.class,
                        accepted -> assertThat(accepted.order().status()).isEqualTo(OrderStatus.PENDING_MODIFY));
        f.awaitStatus(order.id(), working);
        Order modified = f.stored(order.id());
        modification.quantity().ifPresent(q -> assertThat(modified.quantity()).isEqualTo(q));
        modification.limitPrice().ifPresent(p -> assertThat(modified.limitPrice())
                .contains(p));
        modification.triggerPrice().ifPresent(p -> assertThat(modified.triggerPrice())
                .contains(p));
    }
}
