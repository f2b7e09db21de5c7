package io.openoms.application.engine;

import io.openoms.domain.risk.RiskDecision;

/**
 * What the engine tells about its own work, for metrics. Called on the engine thread in the middle
 * of a command: an implementation must return at once, never block and never call the engine. What
 * it throws is logged and ignored, so an observer never changes an order's outcome.
 */
@FunctionalInterface
public interface EngineObserver {
    /** Observes nothing. */
    EngineObserver NONE = (decision, nanos) -> {};

    /** The pre-trade checks of one new order or modification took {@code nanos} nanoseconds and reached {@code decision}. */
    void riskChecked(RiskDecision decision, long nanos);
}
