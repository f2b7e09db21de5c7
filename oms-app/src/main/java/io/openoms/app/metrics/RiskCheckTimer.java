package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openoms.application.engine.EngineObserver;
import io.openoms.domain.risk.RiskDecision;
import java.util.concurrent.TimeUnit;

/** Times the pre-trade checks of each new order, by result; runs on the engine thread, so it only records. */
final class RiskCheckTimer implements EngineObserver {
    private final Timer passed;
    private final Timer rejected;

    RiskCheckTimer(MeterRegistry registry) {
        requireNonNull(registry, "registry is null");
        this.passed = timer(registry, "passed");
        this.rejected = timer(registry, "rejected");
    }

    private static Timer timer(MeterRegistry registry, String result) {
        return Timer.builder("oms.risk.check")
                .description("Time the pre-trade risk checks of one new order took, by result")
                .tag("result", result)
                .serviceLevelObjectives(Buckets.COMPUTATION)
                .register(registry);
    }

    @Override
    public void riskChecked(RiskDecision decision, long nanos) {
        (decision.rejected() ? rejected : passed).record(nanos, TimeUnit.NANOSECONDS);
    }
}
