package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Whether a broker request may go now: granted (after {@code waited}), or refused with the reason. */
public sealed interface RateLimitDecision {
    record Granted(Duration waited) implements RateLimitDecision {
        public Granted {
            requireNonNull(waited, "waited is null");
        }
    }

    record Refused(String reason) implements RateLimitDecision {
        public Refused {
            requireNonNull(reason, "reason is null");
        }
    }
}
