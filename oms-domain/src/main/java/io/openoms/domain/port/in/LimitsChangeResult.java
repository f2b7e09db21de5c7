package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.risk.RiskLimits;

/** The outcome of {@link RiskAdministration#replaceLimits}: the limits now in force, or a failure. */
public sealed interface LimitsChangeResult {
    /** The limits are stored and apply to every order checked from now on. */
    record Replaced(RiskLimits limits) implements LimitsChangeResult {
        public Replaced {
            requireNonNull(limits, "limits is null");
        }
    }

    /** The limits were not changed; {@code code} says why (engine busy or stopped, store unavailable, a bug). */
    record Failed(FailureCode code, String message) implements LimitsChangeResult {
        public Failed {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
