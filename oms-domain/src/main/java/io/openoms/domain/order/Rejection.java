package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Why an order was rejected: by whom, the name of the failed check when there is one, and the reason. */
public record Rejection(RejectionSource source, Optional<String> check, String reason) {
    public Rejection {
        requireNonNull(source, "source is null");
        requireNonNull(check, "check is null");
        requireNonNull(reason, "reason is null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("rejection reason is blank");
        }
    }

    public static Rejection byRisk(String check, String reason) {
        return new Rejection(RejectionSource.RISK, Optional.of(requireNonNull(check, "check is null")), reason);
    }

    public static Rejection byBroker(String reason) {
        return new Rejection(RejectionSource.BROKER, Optional.empty(), reason);
    }

    public static Rejection bySystem(String reason) {
        return new Rejection(RejectionSource.SYSTEM, Optional.empty(), reason);
    }
}
