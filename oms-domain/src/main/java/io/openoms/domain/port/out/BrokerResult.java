package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of one broker call. Only {@link Success} carries a value; each other case says why
 * there is none and, by its type, what the caller may do next.
 */
public sealed interface BrokerResult<T> {
    /** The broker answered and, for a command, took it. */
    record Success<T>(T value) implements BrokerResult<T> {
        public Success {
            requireNonNull(value, "value is null");
        }
    }

    /** The broker definitively refused; retrying the same request would be refused again. */
    record Rejected<T>(String reason) implements BrokerResult<T> {
        public Rejected {
            requireNonNull(reason, "reason is null");
        }
    }

    /** The broker refused for rate; nothing took effect. Try again after {@code retryAfter} if given. */
    record RateLimited<T>(Optional<Duration> retryAfter, String reason) implements BrokerResult<T> {
        public RateLimited {
            requireNonNull(retryAfter, "retryAfter is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /** The broker session is gone (expired or revoked token); nothing took effect; a login is needed. */
    record SessionExpired<T>(String reason) implements BrokerResult<T> {
        public SessionExpired {
            requireNonNull(reason, "reason is null");
        }
    }

    /** It is not known whether the request took effect; find out before doing anything else. */
    record OutcomeUnknown<T>(String reason) implements BrokerResult<T> {
        public OutcomeUnknown {
            requireNonNull(reason, "reason is null");
        }
    }

    static <T> BrokerResult<T> success(T value) {
        return new Success<>(value);
    }

    static <T> BrokerResult<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    static <T> BrokerResult<T> rateLimited(Optional<Duration> retryAfter, String reason) {
        return new RateLimited<>(retryAfter, reason);
    }

    static <T> BrokerResult<T> sessionExpired(String reason) {
        return new SessionExpired<>(reason);
    }

    static <T> BrokerResult<T> outcomeUnknown(String reason) {
        return new OutcomeUnknown<>(reason);
    }
}
