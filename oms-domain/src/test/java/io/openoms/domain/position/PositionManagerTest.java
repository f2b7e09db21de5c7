package io.openoms.domain.position;

import static io.openoms.domain.position.PositionTest.at;
import static io.openoms.domain.position.PositionTest.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import org.junit.jupiter.api.Test;

class PositionManagerTest {
    static final AccountId ACC1 = AccountId.of("ACC1");
    static final AccountId ACC2 = AccountId.of("ACC2");
    static final StrategyId MOMENTUM = StrategyId.of("momentum");
    static final StrategyId MEAN_REVERSION = StrategyId.of("meanrev");
    static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    static final InstrumentId TCS = InstrumentId.parse("NSE:TCS");
    static final InstrumentId RELIANCE = InstrumentId.parse("NSE:RELIANCE");
    static final PositionKey INFY_MOMENTUM = new PositionKey(ACC1, MOMENTUM, INFY, Product.MIS);
    static final PositionKey INFY_MEANREV = new PositionKey(ACC1, MEAN_REVERSION, INFY, Product.MIS);

    private final PositionManager manager = new PositionManager();

    @Test
    void each_kind_of_change_is_reported() {
        assertThat(manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "1", 1))
                        .change())
                .isEqualTo(PositionChange.OPENED);
        assertThat(manager.apply(INFY_MOMENTUM, Side.BUY, fill("t2", 10, "110", "1", 2))
                        .change())
                .isEqualTo(PositionChange.INCREASED);
        PositionUpdate reduced = manager.apply(INFY_MOMENTUM, Side.SELL, fill("t3", 15, "120", "2", 3));
        assertThat(reduced.change()).isEqualTo(PositionChange.REDUCED);
        // average cost: (120 - 105) x 15 - 2 = 223 added by this fill
        assertThat(reduced.realizedPnlChange()).isEqualTo(Money.of(223));
        assertThat(manager.apply(INFY_MOMENTUM, Side.SELL, fill("t4", 10, "118", "2", 4))
                        .change())
                .isEqualTo(PositionChange.REVERSED);
        PositionUpdate closed = manager.apply(INFY_MOMENTUM, Side.BUY, fill("t5", 5, "118", "0", 5));
        assertThat(closed.change()).isEqualTo(PositionChange.CLOSED);
        assertThat(closed.position().isClosed()).isTrue();
        assertThat(manager.get(INFY_MOMENTUM)).isEmpty();
    }

    @Test
    void opening_fill_reports_its_fee_as_the_realized_change() {
        PositionUpdate opened = manager.apply(INFY_MOMENTUM, Side.SELL, fill("t1", 10, "100", "1.25", 1));

        assertThat(opened.realizedPnlChange()).isEqualTo(Money.of("-1.25"));
        assertThat(opened.isDuplicate()).isFalse();
        assertThat(opened.position().side()).isEqualTo(PositionSide.SHORT);
    }

    @Test
    void a_fill_delivered_twice_counts_once() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "1", 1));

        PositionUpdate again = manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "1", 1));

        assertThat(again.change()).isEqualTo(PositionChange.DUPLICATE);
        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.realizedPnlChange()).isEqualTo(Money.ZERO);
        assertThat(manager.get(INFY_MOMENTUM).orElseThrow().signedQuantity()).isEqualByComparingTo("10");
    }

    @Test
    void a_duplicate_of_a_fill_of_a_closed_position_is_ignored_and_opens_nothing() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));
        manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "101", "0", 2));

        PositionUpdate again = manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "101", "0", 2));

        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.position().isClosed()).isTrue();
        assertThat(manager.get(INFY_MOMENTUM)).isEmpty();
        assertThat(manager.positions(true)).hasSize(1);
    }

    @Test
    void a_closed_position_is_kept_and_the_next_fill_opens_a_new_one() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "1", 1));
        manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "110", "1", 2));
        PositionUpdate reopened = manager.apply(INFY_MOMENTUM, Side.SELL, fill("t3", 4, "112", "1", 3));

        assertThat(reopened.change()).isEqualTo(PositionChange.OPENED);
        assertThat(reopened.position().openedAt()).isEqualTo(at(3));
        assertThat(reopened.position().realizedPnl()).isEqualTo(Money.of(-1));
        assertThat(manager.positions(false)).containsExactly(reopened.position());
        assertThat(manager.positions(true)).hasSize(2);
        Position first = manager.positions(true).get(0);
        // 10 x (110 - 100) - 1 - 1 = 98
        assertThat(first.realizedPnl()).isEqualTo(Money.of(98));
        assertThat(first.closedAt()).contains(at(2));
        assertThat(manager.history(INFY_MOMENTUM)).containsExactly(first, reopened.position());
    }

    @Test
    void the_accounting_method_is_average_cost_unless_set_per_account() {
        manager.setAccountingMethod(ACC2, AccountingMethod.LIFO);

        assertThat(manager.accountingMethod(ACC1)).isEqualTo(AccountingMethod.AVERAGE_COST);
        assertThat(manager.accountingMethod(ACC2)).isEqualTo(AccountingMethod.LIFO);
        PositionKey acc2 = new PositionKey(ACC2, MOMENTUM, INFY, Product.MIS);
        assertThat(manager.apply(acc2, Side.BUY, fill("t1", 1, "100", "0", 1))
                        .position()
                        .method())
                .isEqualTo(AccountingMethod.LIFO);
        assertThat(manager.apply(INFY_MOMENTUM, Side.BUY, fill("t2", 1, "100", "0", 1))
                        .position()
                        .method())
                .isEqualTo(AccountingMethod.AVERAGE_COST);
    }

    @Test
    void changing_the_accounting_method_of_an_account_with_open_positions_is_refused() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));

        assertThatThrownBy(() -> manager.setAccountingMethod(ACC1, AccountingMethod.FIFO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACC1")
                .hasMessageContaining("AVERAGE_COST")
                .hasMessageContaining("close them first");
        assertThat(manager.accountingMethod(ACC1)).isEqualTo(AccountingMethod.AVERAGE_COST);

        // setting the method it already has is harmless; another account is not affected
        manager.setAccountingMethod(ACC1, AccountingMethod.AVERAGE_COST);
        manager.setAccountingMethod(ACC2, AccountingMethod.FIFO);

        manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "100", "0", 2));
        manager.setAccountingMethod(ACC1, AccountingMethod.FIFO);
        assertThat(manager.accountingMethod(ACC1)).isEqualTo(AccountingMethod.FIFO);
    }

    @Test
    void a_mark_updates_every_open_position_of_its_instrument_and_no_other() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));
        manager.apply(INFY_MEANREV, Side.SELL, fill("t2", 4, "101", "0", 1));
        PositionKey tcs = new PositionKey(ACC1, MOMENTUM, TCS, Product.MIS);
        manager.apply(tcs, Side.BUY, fill("t3", 1, "3000", "0", 1));

        var marked = manager.mark(INFY, Price.of(105), at(2));

        assertThat(marked).hasSize(2);
        // long 10 at 100 -> 50; short 4 at 101 -> -16
        assertThat(manager.get(INFY_MOMENTUM).orElseThrow().unrealizedPnl()).isEqualTo(Money.of(50));
        assertThat(manager.get(INFY_MEANREV).orElseThrow().unrealizedPnl()).isEqualTo(Money.of(-16));
        assertThat(manager.get(tcs).orElseThrow().lastMark()).isEmpty();
    }

    @Test
    void a_closed_position_is_not_marked() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));
        manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "100", "0", 2));

        assertThat(manager.mark(INFY, Price.of(105), at(3))).isEmpty();
        assertThat(manager.positions(true).get(0).lastMark()).isEmpty();
    }

    @Test
    void net_quantity_sums_the_strategies_of_an_account_in_one_instrument_and_product() {
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));
        manager.apply(INFY_MEANREV, Side.SELL, fill("t2", 4, "101", "0", 1));
        manager.apply(new PositionKey(ACC1, MOMENTUM, INFY, Product.CNC), Side.BUY, fill("t3", 7, "100", "0", 1));
        manager.apply(new PositionKey(ACC2, MOMENTUM, INFY, Product.MIS), Side.BUY, fill("t4", 9, "100", "0", 1));

        // 10 - 4 under MIS in ACC1; the CNC position and ACC2 do not count
        assertThat(manager.netQuantity(ACC1, INFY, Product.MIS)).isEqualByComparingTo("6");
        assertThat(manager.netQuantity(ACC1, TCS, Product.MIS)).isEqualByComparingTo("0");
        assertThat(manager.openPositions(ACC1)).hasSize(3);
        assertThat(manager.openPositions()).hasSize(4);
    }

    @Test
    void the_portfolio_sums_pnl_and_exposure_per_account_and_per_strategy() {
        // momentum: long 10 INFY @ 100 (fee 1), marked at 110 -> unrealized 100, value 1100
        manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "1", 1));
        // momentum: RELIANCE buy 2 @ 50, sell 2 @ 60, no fees -> closed, realized 20
        PositionKey reliance = new PositionKey(ACC1, MOMENTUM, RELIANCE, Product.CNC);
        manager.apply(reliance, Side.BUY, fill("t2", 2, "50", "0", 1));
        manager.apply(reliance, Side.SELL, fill("t3", 2, "60", "0", 2));
        // meanrev: short 5 TCS @ 200 (fee 1), never marked -> unrealized 0, valued at 200: -1000
        manager.apply(new PositionKey(ACC1, MEAN_REVERSION, TCS, Product.MIS), Side.SELL, fill("t4", 5, "200", "1", 1));
        // another account, not included
        manager.apply(new PositionKey(ACC2, MOMENTUM, INFY, Product.MIS), Side.BUY, fill("t5", 3, "100", "9", 1));
        manager.mark(INFY, Price.of(110), at(3));

        AccountPortfolio portfolio = manager.portfolio(ACC1);

        PortfolioTotals momentum = portfolio.strategy(MOMENTUM).orElseThrow().totals();
        // realized -1 + 20 = 19; fees 1; gross = net = long = 10 x 110 = 1100
        assertThat(momentum)
                .isEqualTo(new PortfolioTotals(
                        Money.of(19),
                        Money.of(100),
                        Money.of(1),
                        Money.of(1100),
                        Money.of(1100),
                        Money.of(1100),
                        Money.ZERO,
                        1));
        PortfolioTotals meanReversion =
                portfolio.strategy(MEAN_REVERSION).orElseThrow().totals();
        assertThat(meanReversion)
                .isEqualTo(new PortfolioTotals(
                        Money.of(-1),
                        Money.ZERO,
                        Money.of(1),
                        Money.of(1000),
                        Money.of(-1000),
                        Money.ZERO,
                        Money.of(1000),
                        1));
        // account: realized 19 - 1 = 18; unrealized 100; fees 2; gross 2100; net 1100 - 1000 = 100
        assertThat(portfolio.totals())
                .isEqualTo(new PortfolioTotals(
                        Money.of(18),
                        Money.of(100),
                        Money.of(2),
                        Money.of(2100),
                        Money.of(100),
                        Money.of(1100),
                        Money.of(1000),
                        2));
        assertThat(portfolio.totals().totalPnl()).isEqualTo(Money.of(118));
        assertThat(portfolio.account()).isEqualTo(ACC1);
        // ordered by strategy id
        assertThat(portfolio.strategies())
                .extracting(StrategyPortfolio::strategy)
                .containsExactly(MEAN_REVERSION, MOMENTUM);
        assertThat(portfolio.strategy(StrategyId.of("unknown"))).isEmpty();
    }

    @Test
    void an_account_without_positions_has_an_empty_portfolio() {
        AccountPortfolio portfolio = manager.portfolio(ACC2);

        assertThat(portfolio.totals()).isEqualTo(PortfolioTotals.EMPTY);
        assertThat(portfolio.strategies()).isEmpty();
    }

    @Test
    void restored_positions_come_back_open_or_in_history_and_their_trades_count_as_applied() {
        PositionManager before = new PositionManager();
        before.setAccountingMethod(ACC1, AccountingMethod.FIFO);
        before.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1));
        before.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "105", "0", 2));
        before.apply(INFY_MOMENTUM, Side.BUY, fill("t3", 5, "101", "0", 3));
        manager.setAccountingMethod(ACC1, AccountingMethod.FIFO);

        before.positions(true).forEach(manager::restore);

        assertThat(manager.positions(true)).isEqualTo(before.positions(true));
        assertThat(manager.apply(INFY_MOMENTUM, Side.SELL, fill("t2", 10, "105", "0", 2))
                        .isDuplicate())
                .isTrue();
        assertThat(manager.apply(INFY_MOMENTUM, Side.BUY, fill("t3", 5, "101", "0", 3))
                        .isDuplicate())
                .isTrue();
        assertThat(manager.apply(INFY_MOMENTUM, Side.BUY, fill("t4", 5, "102", "0", 4))
                        .position()
                        .lots())
                .extracting(Lot::tradeId)
                .containsExactly(TradeId.of("t3"), TradeId.of("t4"));
    }

    @Test
    void restoring_a_second_open_position_for_a_key_or_one_under_another_method_is_refused() {
        Position open = manager.apply(INFY_MOMENTUM, Side.BUY, fill("t1", 10, "100", "0", 1))
                .position();

        assertThatThrownBy(() -> manager.restore(open))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");
        Position fifo = Position.open(
                new PositionKey(ACC1, MOMENTUM, TCS, Product.MIS),
                AccountingMethod.FIFO,
                Side.BUY,
                fill("x1", 1, "10", "0", 1));
        assertThatThrownBy(() -> manager.restore(fifo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set the account's accounting method");
    }
}
