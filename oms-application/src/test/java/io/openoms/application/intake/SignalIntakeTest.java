package io.openoms.application.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.StrategyId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals through the real engine: one order per id, refusals answered with the check, outcomes as flat fields. */
class SignalIntakeTest {
    private final EngineHarness f = new EngineHarness();
    private SignalIntake intake;

    @BeforeEach
    void start() {
        f.start();
        intake = new SignalIntake(
                f.engine,
                new SignalParser(List.of(EngineHarness.ACCOUNT), List.of(EngineHarness.INFY)),
                Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void a_signal_is_placed_once_under_its_id_however_often_it_comes() {
        Map<String, Object> signal = Map.of("id", "s-1", "symbol", "INFY", "side", "BUY", "qty", 3, "reason", "r");

        SignalOutcome first = intake.place(signal, Optional.empty(), Optional.empty());
        SignalOutcome second = intake.place(signal, Optional.empty(), Optional.empty());

        assertThat(first).isInstanceOf(SignalOutcome.Accepted.class);
        assertThat(first.durable()).isTrue();
        assertThat(first.fields())
                .containsEntry("status", "accepted")
                .containsEntry("orderId", "s-1")
                .containsKey("orderStatus");
        assertThat(second.fields()).containsEntry("orderId", "s-1");
        assertThat(f.engine.orders(OrderQuery.all(10)).items()).hasSize(1);
    }

    @Test
    void without_an_id_the_fallback_id_names_the_order_and_a_bound_strategy_is_used() {
        SignalOutcome outcome = intake.place(
                Map.of("symbol", "INFY", "side", "SELL", "qty", "1", "reason", "r"),
                Optional.of(ClientOrderId.of("redis-1-0")),
                Optional.of(StrategyId.of("tv")));

        assertThat(outcome.fields()).containsEntry("orderId", "redis-1-0");
        assertThat(f.stored(ClientOrderId.of("redis-1-0")).strategy()).isEqualTo(StrategyId.of("tv"));
    }

    @Test
    void a_refusal_by_a_check_is_durable_and_names_the_check() {
        EngineHarness.get(f.engine.setTradingState(EngineHarness.ACCOUNT, TradingState.HALTED, "test", "test"));

        SignalOutcome outcome = intake.place(
                Map.of("symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r"), Optional.empty(), Optional.empty());

        assertThat(outcome).isInstanceOf(SignalOutcome.Rejected.class);
        assertThat(outcome.durable()).isTrue();
        assertThat(outcome.fields()).containsEntry("status", "rejected").containsKeys("check", "reason");
    }

    @Test
    void an_id_reused_for_a_different_order_is_a_conflict_and_places_nothing() {
        intake.place(
                Map.of("id", "s-2", "symbol", "INFY", "side", "BUY", "qty", 1, "reason", "r"),
                Optional.empty(),
                Optional.empty());

        SignalOutcome outcome = intake.place(
                Map.of("id", "s-2", "symbol", "INFY", "side", "SELL", "qty", 1, "reason", "r"),
                Optional.empty(),
                Optional.empty());

        assertThat(outcome).isInstanceOf(SignalOutcome.Conflict.class);
        assertThat(outcome.fields()).containsEntry("code", "CLIENT_ORDER_ID_CONFLICT");
        assertThat(f.engine.orders(OrderQuery.all(10)).items()).hasSize(1);
    }

    @Test
    void a_malformed_signal_is_invalid_and_a_passing_failure_is_not_durable() {
        SignalOutcome invalid = intake.place(Map.of("symbol", "INFY"), Optional.empty(), Optional.empty());
        SignalOutcome busy = new SignalOutcome.Failed(FailureCode.ENGINE_BUSY, "busy");
        SignalOutcome definitive = new SignalOutcome.Failed(FailureCode.VALIDATION_INVALID_REQUEST, "bad");

        assertThat(invalid.fields()).containsEntry("status", "invalid");
        assertThat(invalid.fields().get("reason")).contains("qty: is required").contains("side: is required");
        assertThat(busy.durable()).isFalse();
        assertThat(definitive.durable()).isTrue();
        assertThat(definitive.fields())
                .containsEntry("status", "failed")
                .containsEntry("code", "VALIDATION_INVALID_REQUEST");
    }
}
