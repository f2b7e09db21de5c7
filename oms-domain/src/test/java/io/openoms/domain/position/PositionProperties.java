package io.openoms.domain.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PositionProperties {
    private static final PositionKey KEY =
            new PositionKey(AccountId.of("ACC1"), StrategyId.of("s1"), InstrumentId.parse("NSE:INFY"), Product.NRML);
    private static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");

    record Trade(Side side, long quantity, BigDecimal price, BigDecimal fee) {
        BigDecimal signedQuantity() {
            return BigDecimal.valueOf(quantity * side.sign());
        }

        /** Money in for a sell, out for a buy. */
        BigDecimal cashFlow() {
            return price.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(-side.sign()));
        }
    }

    @Property
    void a_positions_signed_quantity_is_the_signed_sum_of_its_fills(
            @ForAll("trades") List<Trade> trades, @ForAll AccountingMethod method) {
        PositionManager manager = manager(method);
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            manager.apply(KEY, trade.side(), fill(i, trade));
            expected = expected.add(trade.signedQuantity());

            BigDecimal actual = manager.get(KEY).map(Position::signedQuantity).orElse(BigDecimal.ZERO);
            assertThat(actual).isEqualByComparingTo(expected);
        }
    }

    @Property
    void realized_plus_unrealized_is_the_mark_to_market_change_minus_fees(
            @ForAll("trades") List<Trade> trades, @ForAll AccountingMethod method, @ForAll("prices") BigDecimal mark) {
        PositionManager manager = manager(method);
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            manager.apply(KEY, trade.side(), fill(i, trade));
            cash = cash.add(trade.cashFlow());
            fees = fees.add(trade.fee());
            net = net.add(trade.signedQuantity());

            Money expected = Money.of(cash.add(net.multiply(mark)).subtract(fees));
            assertThat(totalPnl(manager, Price.of(mark))).isEqualTo(expected);
            Money recordedFees =
                    manager.history(KEY).stream().map(Position::fees).reduce(Money.ZERO, Money::plus);
            assertThat(recordedFees).isEqualTo(Money.of(fees));
        }
    }

    @Property
    void every_accounting_method_gives_the_same_total_pnl_at_any_mark(
            @ForAll("trades") List<Trade> trades, @ForAll("prices") BigDecimal mark) {
        Map<AccountingMethod, Money> totals = new EnumMap<>(AccountingMethod.class);
        for (AccountingMethod method : AccountingMethod.values()) {
            PositionManager manager = replay(method, trades);
            manager.mark(KEY.instrument(), Price.of(mark), T0.plusSeconds(trades.size() + 1));
            totals.put(method, totalPnl(manager, Price.of(mark)));
        }

        assertThat(totals.values()).containsOnly(totals.get(AccountingMethod.AVERAGE_COST));
    }

    @Property
    void every_accounting_method_realizes_the_same_pnl_over_a_round_trip_to_flat(
            @ForAll("trades") List<Trade> trades, @ForAll("prices") BigDecimal exitPrice) {
        List<Trade> roundTrip = new ArrayList<>(trades);
        BigDecimal net = trades.stream().map(Trade::signedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (net.signum() != 0) {
            roundTrip.add(new Trade(
                    net.signum() > 0 ? Side.SELL : Side.BUY, net.abs().longValueExact(), exitPrice, BigDecimal.ONE));
        }
        BigDecimal cash = roundTrip.stream().map(Trade::cashFlow).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = roundTrip.stream().map(Trade::fee).reduce(BigDecimal.ZERO, BigDecimal::add);

        for (AccountingMethod method : AccountingMethod.values()) {
            PositionManager manager = replay(method, roundTrip);

            assertThat(manager.openPositions()).isEmpty();
            Money realized =
                    manager.history(KEY).stream().map(Position::realizedPnl).reduce(Money.ZERO, Money::plus);
            // flat: realized P&L is exactly the cash the trades made, minus their fees
            assertThat(realized).as("%s", method).isEqualTo(Money.of(cash.subtract(fees)));
        }
    }

    @Property
    void drawdown_is_never_negative_and_marks_bound_the_last_mark(
            @ForAll("trades") List<Trade> trades,
            @ForAll AccountingMethod method,
            @ForAll("markSequences") List<BigDecimal> marks) {
        PositionManager manager = manager(method);
        for (int i = 0; i < trades.size(); i++) {
            Trade trade = trades.get(i);
            manager.apply(KEY, trade.side(), fill(i, trade));
            if (i < marks.size()) {
                manager.mark(KEY.instrument(), Price.of(marks.get(i)), T0.plusSeconds(i));
            }
        }

        for (Position position : manager.history(KEY)) {
            assertThat(position.maxDrawdown().isNegative()).isFalse();
            Optional<Price> last = position.lastMark();
            if (last.isPresent()) {
                assertThat(position.highestMark().orElseThrow()).isGreaterThanOrEqualTo(last.get());
                assertThat(position.lowestMark().orElseThrow()).isLessThanOrEqualTo(last.get());
            }
        }
    }

    @Property
    void portfolio_and_realized_pnl_equal_the_sums_over_every_position_and_snapshots_never_change(
            @ForAll("trades") List<Trade> trades,
            @ForAll("keyChoices") List<Integer> keyChoices,
            @ForAll("marks") BigDecimal mark) {
        List<PositionKey> keys = List.of(
                KEY,
                new PositionKey(KEY.account(), StrategyId.of("s2"), KEY.instrument(), KEY.product()),
                new PositionKey(AccountId.of("ACC2"), StrategyId.of("s1"), KEY.instrument(), KEY.product()));
        PositionManager manager = new PositionManager();
        List<List<Position>> snapshots = new ArrayList<>();
        List<List<Position>> copies = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            PositionKey key = keys.get(keyChoices.get(i % keyChoices.size()));
            manager.apply(key, trades.get(i).side(), fill(i, trades.get(i)));
            manager.mark(KEY.instrument(), Price.of(mark), T0.plusSeconds(i));
            List<Position> snapshot = manager.positions(true);
            snapshots.add(snapshot);
            copies.add(new ArrayList<>(snapshot));
        }

        List<Position> all = manager.positions(true);
        for (AccountId account : List.of(KEY.account(), AccountId.of("ACC2"))) {
            PortfolioTotals expected = PortfolioTotals.EMPTY;
            Money realized = Money.ZERO;
            for (Position position : all) {
                if (position.key().account().equals(account)) {
                    expected = expected.plus(position);
                    realized = realized.plus(position.realizedPnl());
                }
            }
            AccountPortfolio portfolio = manager.portfolio(account);
            assertThat(portfolio.totals()).isEqualTo(expected);
            assertThat(manager.realizedPnl(account)).isEqualTo(realized);
            PortfolioTotals strategySum = portfolio.strategies().stream()
                    .map(StrategyPortfolio::totals)
                    .reduce(PortfolioTotals.EMPTY, PortfolioTotals::plus);
            assertThat(strategySum).isEqualTo(expected);
        }
        assertThat(snapshots).isEqualTo(copies);
    }

    @Provide
    Arbitrary<List<Integer>> keyChoices() {
        return Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<BigDecimal> marks() {
        return prices();
    }

    @Provide
    Arbitrary<List<Trade>> trades() {
        Arbitrary<Side> sides = Arbitraries.of(Side.class);
        // small quantities make exact closes and reversals frequent
        Arbitrary<Long> quantities = Arbitraries.longs().between(1, 20);
        Arbitrary<BigDecimal> fees = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("5"))
                .ofScale(2);
        return Combinators.combine(sides, quantities, prices(), fees)
                .as(Trade::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(25);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.05"), new BigDecimal("500"))
                .ofScale(2);
    }

    @Provide
    Arbitrary<List<BigDecimal>> markSequences() {
        return prices().list().ofMaxSize(25);
    }

    private static PositionManager manager(AccountingMethod method) {
        PositionManager manager = new PositionManager();
        manager.setAccountingMethod(KEY.account(), method);
        return manager;
    }

    private static PositionManager replay(AccountingMethod method, List<Trade> trades) {
        PositionManager manager = manager(method);
        for (int i = 0; i < trades.size(); i++) {
            manager.apply(KEY, trades.get(i).side(), fill(i, trades.get(i)));
        }
        return manager;
    }

    private static Money totalPnl(PositionManager manager, Price mark) {
        return manager.history(KEY).stream()
                .map(position -> position.totalPnl(mark))
                .reduce(Money.ZERO, Money::plus);
    }

    private static Fill fill(int index, Trade trade) {
        return new Fill(
                TradeId.of("T" + index),
                Quantity.of(trade.quantity()),
                Price.of(trade.price()),
                Money.of(trade.fee()),
                T0.plusSeconds(index),
                Optional.empty());
    }
}
