package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.risk.RiskCheckOutcome;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskDecision;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RiskCheckTimerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RiskCheckTimer timer = new RiskCheckTimer(registry);

    @Test
    void each_decision_is_timed_under_its_result() {
        RiskDecision passed = new RiskDecision(List.of(
                new RiskCheckOutcome("TRADING_STATE", RiskCheckResult.pass()),
                new RiskCheckOutcome("MAX_ORDER_QUANTITY", RiskCheckResult.pass())));
        RiskDecision rejected = new RiskDecision(
                List.of(new RiskCheckOutcome("TRADING_STATE", RiskCheckResult.fail("the account is HALTED"))));

        timer.riskChecked(passed, 12_000);
        timer.riskChecked(passed, 8_000);
        timer.riskChecked(rejected, 3_000);

        assertThat(timed("passed").count()).isEqualTo(2);
        assertThat(timed("passed").totalTime(TimeUnit.NANOSECONDS)).isEqualTo(20_000);
        assertThat(timed("rejected").count()).isEqualTo(1);
    }

    private io.micrometer.core.instrument.Timer timed(String result) {
        return registry.get("oms.risk.check").tag("result", result).timer();
    }
}
