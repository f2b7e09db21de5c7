package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

/** The result of one named check within a {@link RiskDecision}. */
public record RiskCheckOutcome(String checkName, RiskCheckResult result) {
    public RiskCheckOutcome {
        requireNonNull(checkName, "checkName is null");
        requireNonNull(result, "result is null");
    }

    public boolean passed() {
        return result.passed();
    }

    @Override
    public String toString() {
        return checkName + " " + result;
    }
}
