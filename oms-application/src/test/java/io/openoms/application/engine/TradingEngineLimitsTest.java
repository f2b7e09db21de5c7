package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.ACCOUNT;
import static io.openoms.application.testing.EngineHarness.INFY;
import static io.openoms.application.testing.EngineHarness.TCS;
import static io.openoms.application.testing.EngineHarness.buy;
import static io.openoms.application.testing.EngineHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.position.Position;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.checks.MaxDirectionalSkewCheck;
import io.openoms.domain.risk.checks.MaxGrossExposureCheck;
import io.openoms.domain.risk.checks.MaxOpenOrdersCheck;
import io.openoms.domain.risk.checks.MaxOpenPositionsCheck;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's account-wide limits, bulk cancel and marks: what the risk context sums over the session. */
class TradingEngineLimitsTest {
    private final EngineHarness f = new EngineHarness();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void cancel_all_cancels_exactly_the_open_orders_its_filter_matches() {
        f.start();
        Order infy1 = f.submitAcknowledged(buy(1, "100").build());
        Order infy2 = f.submitAcknowledged(buy(2, "100").build());
        Order tcs = f.submitAcknowledged(buy(1, "200").instrument(TCS).build());

        CancelAllResult.Requested result = (CancelAllResult.Requested)
                get(f.engine.cancelAll(new CancelAllOrders(Optional.of(ACCOUNT), Optional.empty(), Optional.of(INFY))));
        f.sync();

        assertThat(result.requested()).containsExactlyInAnyOrder(infy1.id(), infy2.id());
        assertThat(result.refused()).isEmpty();
        EngineHarness.await(() -> f.broker.cancelledOrders().size() == 2, "two cancels at the broker");
        assertThat(f.broker.cancelledOrders()).extracting(Order::id).containsExactlyInAnyOrder(infy1.id(), infy2.id());
        assertThat(f.stored(tcs.id()).status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void max_open_orders_counts_the_orders_still_working() {
        f.start();
        limits(RiskLimits.builder().enforceMarketHours(false).maxOpenOrders(1).build());
        f.submitAcknowledged(buy(1, "100").build());

        assertThat(rejectedBy(buy(1, "100").build())).isEqualTo(MaxOpenOrdersCheck.NAME);
    }

    @Test
    void max_open_positions_counts_the_positions_held() {
        f.start();
        f.fill(f.submitAcknowledged(buy(10, "100").build()), "T1", 10, "100");
        limits(RiskLimits.builder().maxOpenPositions(1).build());

        assertThat(rejectedBy(buy(1, "200").instrument(TCS).build())).isEqualTo(MaxOpenPositionsCheck.NAME);
    }

    @Test
    void gross_exposure_and_directional_skew_include_the_position_held() {
        f.start();
        f.fill(f.submitAcknowledged(buy(10, "100").build()), "T1", 10, "100");

        limits(RiskLimits.builder().maxGrossExposure(1_500).build());
        assertThat(rejectedBy(buy(10, "100").build())).isEqualTo(MaxGrossExposureCheck.NAME);

        limits(RiskLimits.builder().maxDirectionalSkew(1_500).build());
        assertThat(rejectedBy(buy(10, "100").build())).isEqualTo(MaxDirectionalSkewCheck.NAME);
    }

    @Test
    void a_mark_revalues_the_open_position() {
        f.start();
        f.fill(f.submitAcknowledged(buy(10, "100").build()), "T1", 10, "100");

        f.engine.markPrice(INFY, Price.of(110));
        f.sync();

        List<Position> positions = f.engine.positions(ACCOUNT, false);
        assertThat(positions).singleElement().satisfies(p -> assertThat(p.unrealizedPnl())
                .isEqualTo(Money.of(100)));
        assertThat(f.engine.portfolio(ACCOUNT).totals().unrealizedPnl()).isEqualTo(Money.of(100));
    }

    private void limits(RiskLimits limits) {
        get(f.engine.replaceLimits(ACCOUNT, limits, "test"));
    }

    private String rejectedBy(io.openoms.domain.order.OrderRequest request) {
        OrderCommandResult result = f.submit(request);
        assertThat(result).isInstanceOf(OrderCommandResult.Rejected.class);
        Order order = ((OrderCommandResult.Rejected) result).order();
        ClientOrderId id = order.id();
        assertThat(f.broker.placedOrders()).extracting(Order::id).doesNotContain(id);
        return order.rejection().flatMap(Rejection::check).orElseThrow();
    }
}
