package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a broker holds for one reconciliation run, each query after a QUERIES permit. An
 * answer other than success is logged (a lost session is told to the kill switch, a rate-limit
 * refusal holds the family back) and reads as empty: the caller leaves the account for the next
 * run rather than compare against a partial picture.
 */
final class BrokerQueries {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerQueries.class);

    private final BrokerGateway gateway;
    private final RateLimitGuard rateLimits;
    private final KillSwitchSignals signals;
    private final Duration permitWait;

    BrokerQueries(BrokerGateway gateway, RateLimitGuard rateLimits, KillSwitchSignals signals, Duration permitWait) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.signals = requireNonNull(signals, "signals is null");
        this.permitWait = requireNonNull(permitWait, "permitWait is null");
    }

    <T> Optional<T> read(String what, Supplier<BrokerResult<T>> call) {
        String broker = gateway.name();
        try {
            RateLimitDecision decision =
                    rateLimits.acquire(broker, EndpointFamily.QUERIES, RequestPriority.NORMAL, permitWait);
            if (decision instanceof RateLimitDecision.Refused refused) {
                LOG.info("reconciliation: no query permit for broker {}: {}", broker, refused.reason());
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        BrokerResult<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            LOG.warn("reconciliation: reading {} from broker {} failed", what, broker, e);
            return Optional.empty();
        }
        if (result instanceof BrokerResult.Success<T> success) {
            signals.sessionRestored(broker);
            return Optional.of(success.value());
        }
        if (result instanceof BrokerResult.SessionExpired<T> expired) {
            signals.sessionLost(broker, expired.reason());
        } else if (result instanceof BrokerResult.RateLimited<T> limited) {
            limited.retryAfter().ifPresent(backoff -> rateLimits.penalize(broker, EndpointFamily.QUERIES, backoff));
        }
        LOG.warn("reconciliation: reading {} from broker {} did not succeed: {}", what, broker, result);
        return Optional.empty();
    }
}
