package io.openoms.domain.position;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The running aggregates of {@link PositionManager} — realized P&L per account, net quantity per
 * account, instrument and product, open positions per account and per instrument — equal the naive
 * sums over every position after any sequence of fills (opening, adding, reducing, closing,
 * reversing), repeated trades, marks and a restore; and duplicate trades stay duplicates with a
 * recent-trade window far smaller than the day.
 */
class PositionAggregatesTest {
    private static final Instant T0 = Instant.parse("2025-01-06T04:00:00Z");
    private static final List<AccountId> ACCOUNTS = List.of(AccountId.of("ACC-1"), AccountId.of("ACC-2"));
    private static final List<StrategyId> STRATEGIES = List.of(StrategyId.of("s1"), StrategyId.of("s2"));
    private static final List<InstrumentId> INSTRUMENTS =
            List.of(InstrumentId.parse("NSE:INFY"), InstrumentId.parse("NSE:TCS"));
    private static final List<Product> PRODUCTS = List.of(Product.CNC, Product.MIS);

    @Test
    void every_aggregate_equals_the_naive_sum_after_any_sequence_of_fills_and_marks() {
        qt().withFixedSeed(20_261_207L)
                .withExamples(200)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 80))
                .checkAssert(steps -> {
                    PositionManager positions = new PositionManager(3);
                    List<Applied> applied = new ArrayList<>();
                    for (int step : steps) {
                        apply(positions, applied, step);
                        assertAggregatesMatchPositions(positions);
                    }
                    PositionManager restored = new PositionManager(3);
                    positions.positions(true).forEach(restored::restore);
                    assertAggregatesMatchPositions(restored);
                    for (AccountId account : ACCOUNTS) {
                        assertThat(restored.realizedPnl(account)).isEqualTo(positions.realizedPnl(account));
                    }
                });
    }

    @Test
    void a_trade_applied_again_is_a_duplicate_long_after_it_left_the_recent_window() {
        PositionManager positions = new PositionManager(2);
        PositionKey key = key(0, 0, 0, 0);
        positions.apply(key, Side.BUY, Fill.of("T-1", 1, "100", "0", T0));
        for (int i = 2; i <= 10; i++) {
            positions.apply(key, Side.BUY, Fill.of("T-" + i, 1, "100", "0", T0.plusSeconds(i)));
        }

        PositionUpdate again = positions.apply(key, Side.BUY, Fill.of("T-1", 1, "100", "0", T0.plusSeconds(20)));

        assertThat(again.isDuplicate()).isTrue();
        assertThat(positions.get(key).orElseThrow().quantity().value()).isEqualByComparingTo("10");
    }

    @Test
    void a_trade_of_a_closed_position_stays_a_duplicate_within_the_window_and_while_it_is_the_last_closed() {
        PositionManager positions = new PositionManager(4);
        PositionKey key = key(0, 0, 0, 0);
        positions.apply(key, Side.BUY, Fill.of("OPEN-1", 2, "100", "0", T0));
        positions.apply(key, Side.SELL, Fill.of("CLOSE-1", 2, "101", "0", T0.plusSeconds(1)));
        PositionKey other = key(1, 1, 1, 1);
        for (int i = 0; i < 10; i++) {
            positions.apply(other, Side.BUY, Fill.of("OTHER-" + i, 1, "50", "0", T0.plusSeconds(2 + i)));
        }

        assertThat(positions
                        .apply(key, Side.SELL, Fill.of("CLOSE-1", 2, "101", "0", T0.plusSeconds(30)))
                        .isDuplicate())
                .isTrue();
        assertThat(positions.realizedPnl(ACCOUNTS.get(0))).isEqualTo(Money.of(2));
    }

    private record Applied(PositionKey key, Side side, Fill fill) {}

    /** One fill, a repeat of an earlier fill or a mark, chosen and parameterised by the digits of {@code step}. */
    private static void apply(PositionManager positions, List<Applied> applied, int step) {
        int kind = step % 10;
        int a = step / 10;
        Instant now = T0.plusSeconds(applied.size() + 1L);
        if (kind == 0 && !applied.isEmpty()) {
            Applied earlier = applied.get(a % applied.size());
            positions.apply(earlier.key(), earlier.side(), earlier.fill());
            return;
        }
        if (kind == 1) {
            positions.mark(INSTRUMENTS.get(a % 2), Price.of(BigDecimal.valueOf(90 + a % 30, a % 3)), now);
            return;
        }
        PositionKey key = key(a % 2, a / 2 % 2, a / 4 % 2, a / 8 % 2);
        Side side = a / 16 % 2 == 0 ? Side.BUY : Side.SELL;
        long quantity = 1 + a / 32 % 7;
        String price = BigDecimal.valueOf(9_500 + a / 224 % 1_000, 2).toPlainString();
        Fill fill = Fill.of("T-" + applied.size(), quantity, price, "0.25", now);
        positions.apply(key, side, fill);
        applied.add(new Applied(key, side, fill));
    }

    private static PositionKey key(int account, int strategy, int instrument, int product) {
        return new PositionKey(
                ACCOUNTS.get(account), STRATEGIES.get(strategy), INSTRUMENTS.get(instrument), PRODUCTS.get(product));
    }

    private static void assertAggregatesMatchPositions(PositionManager positions) {
        List<Position> all = positions.positions(true);
        List<Position> open = all.stream().filter(Position::isOpen).toList();
        Set<AccountId> holding = new HashSet<>();
        open.forEach(p -> holding.add(p.key().account()));
        assertThat(positions.accountsWithOpenPositions()).containsExactlyInAnyOrderElementsOf(holding);
        for (AccountId account : ACCOUNTS) {
            Money realized = all.stream()
                    .filter(p -> p.key().account().equals(account))
                    .map(Position::realizedPnl)
                    .reduce(Money.ZERO, Money::plus);
            assertThat(positions.realizedPnl(account)).isEqualTo(realized);
            assertThat(positions.openPositionView(account))
                    .containsExactlyElementsOf(open.stream()
                            .filter(p -> p.key().account().equals(account))
                            .toList());
            for (InstrumentId instrument : INSTRUMENTS) {
                for (Product product : PRODUCTS) {
                    BigDecimal net = open.stream()
                            .filter(p -> p.key().account().equals(account)
                                    && p.key().instrument().equals(instrument)
                                    && p.key().product().equals(product))
                            .map(Position::signedQuantity)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(positions.netQuantity(account, instrument, product))
                            .isEqualByComparingTo(net);
                }
            }
        }
        for (InstrumentId instrument : INSTRUMENTS) {
            assertThat(positions.openPositionView(instrument))
                    .containsExactlyInAnyOrderElementsOf(open.stream()
                            .filter(p -> p.key().instrument().equals(instrument))
                            .toList());
        }
    }
}
