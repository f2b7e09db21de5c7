package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.risk.TradingStateChange;

/** The outcome of {@link RiskAdministration#setTradingState}: the change now in force, or a failure. */
public sealed interface TradingStateResult {
    /** The state is stored and applies to every order checked from now on. */
    record Changed(TradingStateChange change) implements TradingStateResult {
        public Changed {
            requireNonNull(change, "change is null");
        }
    }

    /** The state was not changed; {@code code} says why (engine busy or stopped, store unavailable, a bug). */
    record Failed(FailureCode code, String message) implements TradingStateResult {
        public Failed {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
