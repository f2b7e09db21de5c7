package io.openoms.domain.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

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
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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

    @Test
    void a_positions_signed_quantity_is_the_signed_sum_of_its_fills() {
        qt().forAll(trades(), Generate.enumValues(AccountingMethod.class))
                .checkAssert(PositionProperties::aPositionsSignedQuantityIsTheSignedSumOfItsFills);
    }

    private static void aPositionsSignedQuantityIsTheSignedSumOfItsFills(List<Trade> trades, AccountingMethod method) {
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

    @Test
    void realized_plus_unrealized_is_the_mark_to_market_change_minus_fees() {
        qt().forAll(trades(), Generate.enumValues(AccountingMethod.class), prices())
                .checkAssert(PositionProperties::realizedPlusUnrealizedIsTheMarkToMarketChangeMinusFees);
    }

    private static void realizedPlusUnrealizedIsTheMarkToMarketChangeMinusFees(
            List<Trade> trades, AccountingMethod method, BigDecimal mark) {
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

    @Test
    void every_accounting_method_gives_the_same_total_pnl_at_any_mark() {
        qt().forAll(trades(), prices())
                .checkAssert(PositionProperties::everyAccountingMethodGivesTheSameTotalPnlAtAnyMark);
    }

    private static void everyAccountingMethodGivesTheSameTotalPnlAtAnyMark(List<Trade> trades, BigDecimal mark) {
        Map<AccountingMethod, Money> totals = new EnumMap<>(AccountingMethod.class);
        for (AccountingMethod method : AccountingMethod.values()) {
            PositionManager manager = replay(method, trades);
            manager.mark(KEY.instrument(), Price.of(mark), T0.plusSeconds(trades.size() + 1));
            totals.put(method, totalPnl(manager, Price.of(mark)));
        }

        assertThat(totals.values()).containsOnly(totals.get(AccountingMethod.AVERAGE_COST));
    }

    @Test
    void every_accounting_method_realizes_the_same_pnl_over_a_round_trip_to_flat() {
        qt().forAll(trades(), prices())
                .checkAssert(PositionProperties::everyAccountingMethodRealizesTheSamePnlOverARoundTripToFlat);
    }

    private static void everyAccountingMethodRealizesTheSamePnlOverARoundTripToFlat(
            List<Trade> trades, BigDecimal exitPrice) {
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

    @Test
    void drawdown_is_never_negative_and_marks_bound_the_last_mark() {
        qt().forAll(trades(), Generate.enumValues(AccountingMethod.class), markSequences())
                .checkAssert(PositionProperties::drawdownIsNeverNegativeAndMarksBoundTheLastMark);
    }

    private static void drawdownIsNeverNegativeAndMarksBoundTheLastMark(
            List<Trade> trades, AccountingMethod method, List<BigDecimal> marks) {
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

    @Test
    void portfolio_and_realized_pnl_equal_the_sums_over_every_position_and_snapshots_never_change() {
        qt().forAll(trades(), keyChoices(), marks())
                .checkAssert(
                        PositionProperties
                                ::portfolioAndRealizedPnlEqualTheSumsOverEveryPositionAndSnapshotsNeverChange);
    }

    private static void portfolioAndRealizedPnlEqualTheSumsOverEveryPositionAndSnapshotsNeverChange(
            List<Trade> trades, List<Integer> keyChoices, BigDecimal mark) {
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

    private static Gen<List<Integer>> keyChoices() {
        return lists().of(integers().between(0, 2)).ofSizeBetween(1, 8);
    }

    private static Gen<BigDecimal> marks() {
        return prices();
    }

    private static Gen<List<Trade>> trades() {
        Gen<Side> sides = Generate.enumValues(Side.class);
        // small quantities make exact closes and reversals frequent
        Gen<Long> quantities = longs().between(1, 20);
        Gen<BigDecimal> fees = longs().between(0, 500).map(cents -> BigDecimal.valueOf(cents, 2));
        Gen<Trade> trade = sides.zip(quantities, prices(), fees, Trade::new);
        return lists().of(trade).ofSizeBetween(1, 25);
    }

    /** 0.05 to 500.00, in paise. */
    private static Gen<BigDecimal> prices() {
        return longs().between(5, 50_000).map(paise -> BigDecimal.valueOf(paise, 2));
    }

    private static Gen<List<BigDecimal>> markSequences() {
        return lists().of(prices()).ofSizeBetween(0, 25);
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
