package io.openoms.domain.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PositionTest {
    static final PositionKey KEY = new PositionKey(
            AccountId.of("ACC1"), StrategyId.of("momentum"), InstrumentId.parse("NSE:INFY"), Product.MIS);
    static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static Fill fill(String tradeId, long quantity, String price, String fee, int minute) {
        return Fill.of(tradeId, quantity, price, fee, at(minute));
    }

    /** Long 20 from buy 10@100 (fee 1, t1) and buy 10@110 (fee 1, t2): cost 2100, fees 2. */
    static Position longTwenty(AccountingMethod method) {
        return Position.open(KEY, method, Side.BUY, fill("t1", 10, "100", "1", 1))
                .apply(Side.BUY, fill("t2", 10, "110", "1", 2));
    }

    /** Short 20 from sell 10@200 (fee 2, s1) and sell 10@180 (fee 2, s2): proceeds 3800, fees 4. */
    static Position shortTwenty(AccountingMethod method) {
        return Position.open(KEY, method, Side.SELL, fill("s1", 10, "200", "2", 1))
                .apply(Side.SELL, fill("s2", 10, "180", "2", 2));
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void a_buy_from_flat_opens_a_long_and_its_fee_is_realized_at_once(AccountingMethod method) {
        Position position = Position.open(KEY, method, Side.BUY, fill("t1", 10, "100", "1.5", 1));

        assertThat(position.side()).isEqualTo(PositionSide.LONG);
        assertThat(position.quantity()).isEqualTo(Quantity.of(10));
        assertThat(position.signedQuantity()).isEqualByComparingTo("10");
        assertThat(position.averagePrice()).contains(Price.of(100));
        assertThat(position.openCost()).isEqualTo(Money.of(1000));
        // the fee is charged when the fill is applied: realized = -1.5
        assertThat(position.realizedPnl()).isEqualTo(Money.of("-1.5"));
        assertThat(position.grossRealizedPnl()).isEqualTo(Money.ZERO);
        assertThat(position.fees()).isEqualTo(Money.of("1.5"));
        assertThat(position.openedAt()).isEqualTo(at(1));
        assertThat(position.closedAt()).isEmpty();
        assertThat(position.isOpen()).isTrue();
        assertThat(position.tradeIds()).containsExactly(TradeId.of("t1"));
        assertThat(position.fillCount()).isEqualTo(1);
        assertThat(position.lastMark()).isEmpty();
        assertThat(position.unrealizedPnl()).isEqualTo(Money.ZERO);
        assertThat(position.maxDrawdown()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void adding_to_a_long_averages_the_price_and_adds_the_fee(AccountingMethod method) {
        Position position = longTwenty(method);

        // (10 x 100 + 10 x 110) / 20 = 2100 / 20 = 105; fees 1 + 1 = 2
        assertThat(position.quantity()).isEqualTo(Quantity.of(20));
        assertThat(position.averagePrice()).contains(Price.of(105));
        assertThat(position.realizedPnl()).isEqualTo(Money.of(-2));
        assertThat(position.fees()).isEqualTo(Money.of(2));
        assertThat(position.fillCount()).isEqualTo(2);
    }

    @Test
    void fifo_and_lifo_keep_one_lot_per_opening_fill_and_average_cost_keeps_none() {
        assertThat(longTwenty(AccountingMethod.FIFO).lots())
                .containsExactly(
                        new Lot(Quantity.of(10), Price.of(100), at(1), TradeId.of("t1")),
                        new Lot(Quantity.of(10), Price.of(110), at(2), TradeId.of("t2")));
        assertThat(longTwenty(AccountingMethod.AVERAGE_COST).lots()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // average cost: (120 - 105) x 15 = 225; minus fees 1 + 1 + 2 = 4 -> 221; 5 left at 105
        "AVERAGE_COST, 221, 105",
        // FIFO: 10 @ 100 then 5 @ 110: 20 x 10 + 10 x 5 = 250; minus 4 -> 246; 5 left at 110
        "FIFO,         246, 110",
        // LIFO: 10 @ 110 then 5 @ 100: 10 x 10 + 20 x 5 = 200; minus 4 -> 196; 5 left at 100
        "LIFO,         196, 100"
    })
    void a_partial_reduce_realizes_pnl_per_method_net_of_all_fees(
            AccountingMethod method, String realized, String remainingAverage) {
        Position position = longTwenty(method).apply(Side.SELL, fill("t3", 15, "120", "2", 3));

        assertThat(position.side()).isEqualTo(PositionSide.LONG);
        assertThat(position.quantity()).isEqualTo(Quantity.of(5));
        assertThat(position.realizedPnl()).isEqualTo(Money.of(realized));
        assertThat(position.fees()).isEqualTo(Money.of(4));
        assertThat(position.grossRealizedPnl()).isEqualTo(Money.of(realized).plus(Money.of(4)));
        assertThat(position.averagePrice()).contains(Price.of(remainingAverage));
        assertThat(position.closedAt()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 5 left at 105: 5 x (130 - 105) = 125; 221 + 125 = 346
        "AVERAGE_COST, 125",
        // 5 left at 110: 5 x 20 = 100; 246 + 100 = 346
        "FIFO,         100",
        // 5 left at 100: 5 x 30 = 150; 196 + 150 = 346
        "LIFO,         150"
    })
    void realized_and_unrealized_split_differently_but_total_the_same_under_every_method(
            AccountingMethod method, String unrealized) {
        Position position = longTwenty(method).apply(Side.SELL, fill("t3", 15, "120", "2", 3));

        assertThat(position.unrealizedPnl(Price.of(130))).isEqualTo(Money.of(unrealized));
        // cash flows -1000 - 1100 + 1800 = -300; + 5 x 130 = 350; - fees 4 = 346
        assertThat(position.totalPnl(Price.of(130))).isEqualTo(Money.of(346));
    }

    @Test
    void fifo_consumes_the_oldest_lot_and_splits_the_next_one() {
        Position position = longTwenty(AccountingMethod.FIFO).apply(Side.SELL, fill("t3", 15, "120", "2", 3));

        assertThat(position.lots()).containsExactly(new Lot(Quantity.of(5), Price.of(110), at(2), TradeId.of("t2")));
    }

    @Test
    void lifo_consumes_the_newest_lot_and_splits_the_previous_one() {
        Position position = longTwenty(AccountingMethod.LIFO).apply(Side.SELL, fill("t3", 15, "120", "2", 3));

        assertThat(position.lots()).containsExactly(new Lot(Quantity.of(5), Price.of(100), at(1), TradeId.of("t1")));
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void a_full_close_realizes_the_same_pnl_under_every_method_and_closes_the_position(AccountingMethod method) {
        Position position = longTwenty(method)
                .apply(Side.SELL, fill("t3", 15, "120", "2", 3))
                .apply(Side.SELL, fill("t4", 5, "125", "1", 4));

        // average: 221 + (125 - 105) x 5 - 1 = 320; FIFO: 246 + 15 x 5 - 1 = 320; LIFO: 196 + 25 x 5 - 1 = 320
        // check: cash -1000 - 1100 + 1800 + 625 = 325, fees 5 -> 320
        assertThat(position.realizedPnl()).isEqualTo(Money.of(320));
        assertThat(position.fees()).isEqualTo(Money.of(5));
        assertThat(position.side()).isEqualTo(PositionSide.FLAT);
        assertThat(position.quantity()).isEqualTo(Quantity.ZERO);
        assertThat(position.signedQuantity()).isEqualByComparingTo("0");
        assertThat(position.averagePrice()).isEmpty();
        assertThat(position.lots()).isEmpty();
        assertThat(position.openCost()).isEqualTo(Money.ZERO);
        assertThat(position.isClosed()).isTrue();
        assertThat(position.closedAt()).contains(at(4));
        assertThat(position.unrealizedPnl(Price.of(999))).isEqualTo(Money.ZERO);
        assertThat(position.marketValue()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void one_sell_larger_than_the_long_reverses_it_into_a_short_at_the_fill_price(AccountingMethod method) {
        Position position = longTwenty(method)
                .apply(Side.SELL, fill("t3", 15, "120", "2", 3))
                .apply(Side.SELL, fill("t4", 10, "118", "2", 4));

        // the 5 left are all closed at 118: average 221 + 13 x 5 = 286; FIFO 246 + 8 x 5 = 286;
        // LIFO 196 + 18 x 5 = 286; minus the fee 2 -> 284. The other 5 open a short at 118.
        assertThat(position.realizedPnl()).isEqualTo(Money.of(284));
        assertThat(position.fees()).isEqualTo(Money.of(6));
        assertThat(position.side()).isEqualTo(PositionSide.SHORT);
        assertThat(position.signedQuantity()).isEqualByComparingTo("-5");
        assertThat(position.averagePrice()).contains(Price.of(118));
        assertThat(position.openedAt()).isEqualTo(at(1));
        assertThat(position.closedAt()).isEmpty();
        // short 5 at 118 marked at 110: 5 x 8 = 40
        assertThat(position.unrealizedPnl(Price.of(110))).isEqualTo(Money.of(40));
        if (method != AccountingMethod.AVERAGE_COST) {
            assertThat(position.lots())
                    .containsExactly(new Lot(Quantity.of(5), Price.of(118), at(4), TradeId.of("t4")));
        }
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void one_buy_larger_than_the_short_reverses_it_into_a_long(AccountingMethod method) {
        Position position = shortTwenty(method).apply(Side.BUY, fill("b1", 30, "170", "3", 3));

        // all 20 covered at 170: 3800 - 20 x 170 = 400; fees 2 + 2 + 3 = 7 -> 393; long 10 at 170
        assertThat(position.realizedPnl()).isEqualTo(Money.of(393));
        assertThat(position.side()).isEqualTo(PositionSide.LONG);
        assertThat(position.quantity()).isEqualTo(Quantity.of(10));
        assertThat(position.averagePrice()).contains(Price.of(170));
        assertThat(position.openCost()).isEqualTo(Money.of(1700));
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void a_sell_from_flat_opens_a_short(AccountingMethod method) {
        Position position = shortTwenty(method);

        // (10 x 200 + 10 x 180) / 20 = 190; fees 4
        assertThat(position.side()).isEqualTo(PositionSide.SHORT);
        assertThat(position.quantity()).isEqualTo(Quantity.of(20));
        assertThat(position.signedQuantity()).isEqualByComparingTo("-20");
        assertThat(position.averagePrice()).contains(Price.of(190));
        assertThat(position.realizedPnl()).isEqualTo(Money.of(-4));
        // a short 20 at 190 marked at 195 loses 5 x 20 = 100
        assertThat(position.unrealizedPnl(Price.of(195))).isEqualTo(Money.of(-100));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // average: (190 - 170) x 15 = 300; fees 2 + 2 + 3 = 7 -> 293; 5 left short at 190; at 160: 5 x 30 = 150
        "AVERAGE_COST, 293, 190, 150",
        // FIFO: 10 @ 200 then 5 @ 180: 30 x 10 + 10 x 5 = 350 -> 343; 5 left at 180; at 160: 100
        "FIFO,         343, 180, 100",
        // LIFO: 10 @ 180 then 5 @ 200: 10 x 10 + 30 x 5 = 250 -> 243; 5 left at 200; at 160: 200
        "LIFO,         243, 200, 200"
    })
    void a_partial_cover_realizes_pnl_per_method(
            AccountingMethod method, String realized, String remainingAverage, String unrealizedAt160) {
        Position position = shortTwenty(method).apply(Side.BUY, fill("b1", 15, "170", "3", 3));

        assertThat(position.side()).isEqualTo(PositionSide.SHORT);
        assertThat(position.signedQuantity()).isEqualByComparingTo("-5");
        assertThat(position.realizedPnl()).isEqualTo(Money.of(realized));
        assertThat(position.averagePrice()).contains(Price.of(remainingAverage));
        assertThat(position.unrealizedPnl(Price.of(160))).isEqualTo(Money.of(unrealizedAt160));
        // every method: total at 160 = 443 (cash 2000 + 1800 - 2550 = 1250, - 5 x 160 = 450, - fees 7)
        assertThat(position.totalPnl(Price.of(160))).isEqualTo(Money.of(443));
    }

    @ParameterizedTest
    @EnumSource(AccountingMethod.class)
    void covering_the_whole_short_closes_it_with_the_same_pnl_under_every_method(AccountingMethod method) {
        Position position = shortTwenty(method)
                .apply(Side.BUY, fill("b1", 15, "170", "3", 3))
                .apply(Side.BUY, fill("b2", 5, "175", "1", 4));

        // average 293 + 15 x 5 - 1; FIFO 343 + 5 x 5 - 1; LIFO 243 + 25 x 5 - 1: all 367
        // check: cash 2000 + 1800 - 2550 - 875 = 375, fees 8 -> 367
        assertThat(position.realizedPnl()).isEqualTo(Money.of(367));
        assertThat(position.isClosed()).isTrue();
        assertThat(position.closedAt()).contains(at(4));
    }

    @Test
    void an_average_cost_reduce_that_does_not_divide_evenly_keeps_the_total_exact() {
        // buy 3 @ 10 and 3 @ 11: cost 63 for 6, average 10.5; then sell 1 @ 12, then 2 @ 12
        Position position = Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.BUY, fill("a", 3, "10", "0", 1))
                .apply(Side.BUY, fill("b", 4, "11", "0", 2))
                .apply(Side.SELL, fill("c", 1, "12", "0", 3));

        // cost 30 + 44 = 74 for 7: average 74/7 = 10.571428...; the sale of 1 @ 12 takes out 74/7 of cost
        assertThat(position.realizedPnl().amount())
                .isEqualByComparingTo(new BigDecimal("12")
                        .subtract(new BigDecimal("74").divide(new BigDecimal("7"), DecimalPrecision.DIVISION)));
        // whatever was rounded, total at 13 = cash -30 - 44 + 12 + 6 x 13 = 16 exactly
        assertThat(position.totalPnl(Price.of(13))).isEqualTo(Money.of(16));
        Position closed = position.apply(Side.SELL, fill("d", 6, "13", "0", 4));
        assertThat(closed.realizedPnl()).isEqualTo(Money.of(16));
    }

    @Test
    void marks_track_the_last_highest_and_lowest_price_and_the_max_drawdown() {
        Position position = Position.open(KEY, AccountingMethod.FIFO, Side.BUY, fill("t1", 10, "100", "5", 1))
                // opening sample: -5 (fee); peak -5
                .mark(Price.of(110), at(2)) // total 100 - 5 = 95; peak 95
                .mark(Price.of(95), at(3)) // total -50 - 5 = -55; drawdown 95 - (-55) = 150
                .mark(Price.of(120), at(4)); // total 200 - 5 = 195; new peak 195

        assertThat(position.lastMark()).contains(Price.of(120));
        assertThat(position.lastMarkAt()).contains(at(4));
        assertThat(position.highestMark()).contains(Price.of(120));
        assertThat(position.lowestMark()).contains(Price.of(95));
        assertThat(position.unrealizedPnl()).isEqualTo(Money.of(200));
        assertThat(position.peakPnl()).isEqualTo(Money.of(195));
        assertThat(position.maxDrawdown()).isEqualTo(Money.of(150));

        // close 10 @ 100 with fee 5: realized 0 - 10 = -10; drawdown 195 - (-10) = 205
        Position closed = position.apply(Side.SELL, fill("t2", 10, "100", "5", 5));
        assertThat(closed.realizedPnl()).isEqualTo(Money.of(-10));
        assertThat(closed.maxDrawdown()).isEqualTo(Money.of(205));
        assertThat(closed.highestMark()).contains(Price.of(120));
        assertThat(closed.lowestMark()).contains(Price.of(95));
    }

    @Test
    void a_fill_is_sampled_at_its_own_price_for_the_drawdown() {
        // open 10 @ 100 (no fee): sample 0; add 10 @ 90: total at 90 = 10 x -10 = -100 -> drawdown 100
        Position position = Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.BUY, fill("t1", 10, "100", "0", 1))
                .apply(Side.BUY, fill("t2", 10, "90", "0", 2));

        assertThat(position.maxDrawdown()).isEqualTo(Money.of(100));
        assertThat(position.lastMark()).isEmpty();
    }

    @Test
    void a_mark_older_than_the_last_one_is_ignored() {
        Position marked = Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.BUY, fill("t1", 1, "100", "0", 1))
                .mark(Price.of(105), at(5));

        assertThat(marked.mark(Price.of(50), at(4))).isSameAs(marked);
        assertThat(marked.mark(Price.of(104), at(5)).lastMark()).contains(Price.of(104));
    }

    @Test
    void a_short_is_valued_negative_at_its_mark_or_before_any_mark_at_its_average_price() {
        Position position = shortTwenty(AccountingMethod.AVERAGE_COST);

        // 20 x 190 = 3800 before any mark; 20 x 185 = 3700 at a mark of 185
        assertThat(position.marketValue()).isEqualTo(Money.of(-3800));
        assertThat(position.mark(Price.of(185), at(3)).marketValue()).isEqualTo(Money.of(-3700));
        // short 20 at 190 marked at 185 gains 100
        assertThat(position.mark(Price.of(185), at(3)).unrealizedPnl()).isEqualTo(Money.of(100));
    }

    @Test
    void a_closed_position_takes_no_fill_and_no_mark() {
        Position closed = Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.BUY, fill("t1", 1, "100", "0", 1))
                .apply(Side.SELL, fill("t2", 1, "101", "0", 2));

        assertThatThrownBy(() -> closed.apply(Side.BUY, fill("t3", 1, "100", "0", 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("opens a new position");
        assertThatThrownBy(() -> closed.mark(Price.of(100), at(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_same_trade_applied_twice_to_a_position_is_refused() {
        Position position = Position.open(KEY, AccountingMethod.LIFO, Side.BUY, fill("t1", 1, "100", "0", 1));

        assertThatThrownBy(() -> position.apply(Side.BUY, fill("t1", 1, "100", "0", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t1");
    }

    @Test
    void a_position_whose_parts_disagree_cannot_be_built() {
        Position good = longTwenty(AccountingMethod.FIFO);

        assertThatThrownBy(() -> copy(good, PositionSide.FLAT, good.quantity(), good.lots(), good.closedAt()))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> copy(good, good.side(), Quantity.of(19), good.lots(), good.closedAt()))
                .hasMessageContaining("lots hold");
        assertThatThrownBy(() -> copy(good, good.side(), good.quantity(), good.lots(), Optional.of(at(3))))
                .hasMessageContaining("closed exactly when it is flat");
        Position average = longTwenty(AccountingMethod.AVERAGE_COST);
        assertThatThrownBy(() -> copy(average, average.side(), average.quantity(), good.lots(), average.closedAt()))
                .hasMessageContaining("keeps no lots");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        AccountingMethod.AVERAGE_COST,
                        PositionSide.FLAT,
                        Quantity.ZERO,
                        Money.of(1),
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.ZERO,
                        at(1),
                        Optional.of(at(2)),
                        List.of(TradeId.of("x"))))
                .hasMessageContaining("no open cost");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        AccountingMethod.AVERAGE_COST,
                        PositionSide.FLAT,
                        Quantity.ZERO,
                        Money.ZERO,
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.ZERO,
                        at(2),
                        Optional.of(at(1)),
                        List.of(TradeId.of("x"))))
                .hasMessageContaining("before it opened");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        AccountingMethod.AVERAGE_COST,
                        PositionSide.LONG,
                        Quantity.of(1),
                        Money.of(5),
                        List.of(),
                        Money.ZERO,
                        Money.of(-1),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.ZERO,
                        at(1),
                        Optional.empty(),
                        List.of(TradeId.of("x"))))
                .hasMessageContaining("fees must not be negative");
    }

    @Test
    void a_position_with_inconsistent_history_cannot_be_built() {
        Position good = longTwenty(AccountingMethod.AVERAGE_COST);
        Optional<Price> mark = Optional.of(Price.of(1));

        assertThatThrownBy(() -> new Position(
                        KEY,
                        good.method(),
                        good.side(),
                        good.quantity(),
                        good.openCost(),
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        mark,
                        Optional.empty(),
                        mark,
                        mark,
                        Money.ZERO,
                        Money.ZERO,
                        at(1),
                        Optional.empty(),
                        good.tradeIds()))
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        good.method(),
                        good.side(),
                        good.quantity(),
                        good.openCost(),
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.of(-1),
                        at(1),
                        Optional.empty(),
                        good.tradeIds()))
                .hasMessageContaining("drawdown must not be negative");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        good.method(),
                        good.side(),
                        good.quantity(),
                        good.openCost(),
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.ZERO,
                        at(1),
                        Optional.empty(),
                        List.of()))
                .hasMessageContaining("at least the fill");
        assertThatThrownBy(() -> new Position(
                        KEY,
                        good.method(),
                        good.side(),
                        good.quantity(),
                        good.openCost(),
                        List.of(),
                        Money.ZERO,
                        Money.ZERO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Money.ZERO,
                        Money.ZERO,
                        at(1),
                        Optional.empty(),
                        List.of(TradeId.of("x"), TradeId.of("x"))))
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Lot(Quantity.ZERO, Price.of(1), at(1), TradeId.of("x")))
                .hasMessageContaining("quantity must be positive");
    }

    @Test
    void a_position_side_follows_the_sign_of_the_quantity() {
        assertThat(PositionSide.of(new BigDecimal("2.5"))).isEqualTo(PositionSide.LONG);
        assertThat(PositionSide.of(new BigDecimal("-0.1"))).isEqualTo(PositionSide.SHORT);
        assertThat(PositionSide.of(BigDecimal.ZERO)).isEqualTo(PositionSide.FLAT);
        assertThat(PositionSide.FLAT.sign()).isZero();
        assertThat(PositionSide.SHORT.sign()).isEqualTo(-1);
        assertThat(KEY).hasToString("ACC1/momentum/NSE:INFY/MIS");
    }

    private static Position copy(
            Position p, PositionSide side, Quantity quantity, List<Lot> lots, Optional<Instant> closedAt) {
        return new Position(
                p.key(),
                p.method(),
                side,
                quantity,
                p.openCost(),
                lots,
                p.realizedPnl(),
                p.fees(),
                p.lastMark(),
                p.lastMarkAt(),
                p.highestMark(),
                p.lowestMark(),
                p.peakPnl(),
                p.maxDrawdown(),
                p.openedAt(),
                closedAt,
                p.tradeIds());
    }
}
