package io.openoms.application.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionChange;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitTest {
    private static final Instant NOW = Instant.parse("2024-03-04T04:30:01Z");
    private static final PositionKey KEY =
            new PositionKey(AccountId.of("ACC1"), StrategyId.of("alpha"), InstrumentId.parse("NSE:TCS"), Product.CNC);

    @Test
    void a_position_closed_and_the_next_opened_on_its_key_at_the_same_instant_are_both_journalled() {
        Position opened =
                Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.BUY, Fill.of("T1", 4, "3500", "1", NOW));
        Position closed = opened.apply(Side.SELL, Fill.of("T2", 4, "3502", "1", NOW));
        Position next =
                Position.open(KEY, AccountingMethod.AVERAGE_COST, Side.SELL, Fill.of("T3", 4, "3498", "1", NOW));
        Unit unit = new Unit();

        unit.position(opened, PositionChange.OPENED);
        unit.position(closed, PositionChange.CLOSED);
        unit.position(next, PositionChange.OPENED);

        assertThat(unit.batch().positions()).containsExactly(closed, next);
    }
}
