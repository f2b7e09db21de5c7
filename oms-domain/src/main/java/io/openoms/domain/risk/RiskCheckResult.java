package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What one check says about one request: pass, or fail with a reason written for a human. */
public record RiskCheckResult(Optional<String> failureReason) {
    private static final RiskCheckResult PASS = new RiskCheckResult(Optional.empty());

    public RiskCheckResult {
        requireNonNull(failureReason, "failureReason is null");
        if (failureReason.isPresent() && failureReason.get().isBlank()) {
            throw new IllegalArgumentException("a failure needs a reason");
        }
    }

    public static RiskCheckResult pass() {
        return PASS;
    }

    public static RiskCheckResult fail(String reason) {
        requireNonNull(reason, "reason is null");
        return new RiskCheckResult(Optional.of(reason));
    }

    public boolean passed() {
        return failureReason.isEmpty();
    }

    public boolean failed() {
        return failureReason.isPresent();
    }

    @Override
    public String toString() {
        return failureReason.map(reason -> "FAIL: " + reason).orElse("PASS");
    }
}
