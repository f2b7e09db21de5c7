package io.openoms.domain.risk;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The validator's verdict on one request: every check that ran, in order, with its result. The
 * validator stops at the first failure, so only the last outcome can be a failure; the request is
 * approved when none failed.
 */
public record RiskDecision(List<RiskCheckOutcome> outcomes) {
    public RiskDecision {
        requireNonNull(outcomes, "outcomes is null");
        outcomes = List.copyOf(outcomes);
        for (int i = 0; i < outcomes.size() - 1; i++) {
            if (!outcomes.get(i).passed()) {
                throw new IllegalArgumentException("only the last check run can fail, but "
                        + outcomes.get(i).checkName() + " failed earlier");
            }
        }
    }

    public boolean approved() {
        return firstFailure().isEmpty();
    }

    public boolean rejected() {
        return !approved();
    }

    /** The check that refused the request, with its reason; empty when approved. */
    public Optional<RiskCheckOutcome> firstFailure() {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        RiskCheckOutcome last = outcomes.get(outcomes.size() - 1);
        return last.passed() ? Optional.empty() : Optional.of(last);
    }

    /** The name of the check that refused the request; empty when approved. */
    public Optional<String> rejectedBy() {
        return firstFailure().map(RiskCheckOutcome::checkName);
    }

    /** Why the request was refused; empty when approved. */
    public Optional<String> reason() {
        return firstFailure().flatMap(outcome -> outcome.result().failureReason());
    }

    /** The names of the checks that ran, in order. */
    public List<String> checksRun() {
        return outcomes.stream().map(RiskCheckOutcome::checkName).toList();
    }
}
