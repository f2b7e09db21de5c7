package io.openoms.domain.position;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked example of docs/domain.md, so the page cannot drift from the code. */
class DomainDocsWorkedExampleTest {
    private static final Instant T = Instant.parse("2026-11-20T05:00:00Z");
    private static final InstrumentId INFY = InstrumentId.parse("NSE:INFY");
    private static final PositionKey KEY =
            new PositionKey(AccountId.of("ACC1"), StrategyId.of("s1"), INFY, Product.CNC);

    @ParameterizedTest
    @CsvSource({"AVERAGE_COST, 225, 221, 105, 50", "FIFO,         250, 246, 110, 25", "LIFO,         200, 196, 100, 75"
    })
    void the_documented_example_holds(
            AccountingMethod method, String gross, String net, String average, String unrealized) {
        PositionManager positions = new PositionManager();
        positions.setAccountingMethod(KEY.account(), method);
        positions.apply(KEY, Side.BUY, Fill.of("T1", 10, "100", "1", T));
        positions.apply(KEY, Side.BUY, Fill.of("T2", 10, "110", "1", T.plusSeconds(1)));
        positions.apply(KEY, Side.SELL, Fill.of("T3", 15, "120", "2", T.plusSeconds(2)));
        positions.mark(INFY, Price.of("115"), T.plusSeconds(3));

        Position position = positions.get(KEY).orElseThrow();
        assertThat(position.grossRealizedPnl()).isEqualTo(Money.of(gross));
        assertThat(position.realizedPnl()).isEqualTo(Money.of(net));
        assertThat(position.averagePrice()).contains(Price.of(average));
        assertThat(position.unrealizedPnl()).isEqualTo(Money.of(unrealized));
        assertThat(position.realizedPnl().plus(position.unrealizedPnl())).isEqualTo(Money.of(271));
    }

    @org.junit.jupiter.api.Test
    void the_documented_reversal_holds() {
        PositionManager positions = new PositionManager();
        positions.apply(KEY, Side.BUY, Fill.of("T1", 10, "100", "1", T));
        positions.apply(KEY, Side.BUY, Fill.of("T2", 10, "110", "1", T.plusSeconds(1)));
        positions.apply(KEY, Side.SELL, Fill.of("T3", 15, "120", "2", T.plusSeconds(2)));
        PositionUpdate reversal = positions.apply(KEY, Side.SELL, Fill.of("T4", 10, "118", "2", T.plusSeconds(3)));

        assertThat(reversal.change()).isEqualTo(PositionChange.REVERSED);
        assertThat(reversal.realizedPnlChange()).isEqualTo(Money.of(63));
        assertThat(reversal.position().realizedPnl()).isEqualTo(Money.of(284));
        assertThat(reversal.position().side()).isEqualTo(PositionSide.SHORT);
        assertThat(reversal.position().averagePrice()).contains(Price.of("118"));
    }
}
