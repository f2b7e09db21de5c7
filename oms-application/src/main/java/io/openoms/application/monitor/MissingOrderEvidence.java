package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.application.reconciliation.ReconciliationPolicy;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.value.AccountId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides about open orders the broker says it does not know (its look-up by broker id finds
 * nothing), by the evidence rule of unknown submits: only once {@code unknownGraceWindow} has passed
 * since the first miss and {@code unknownMissesBeforeError} consecutive look-ups have missed. A
 * look-up that finds the order starts the count again; a failed one is neither (the caller does not
 * report it). Then, by the account's reconciliation policy: {@code TRUST_BROKER} closes it through
 * the engine (which writes the finding and the log line); {@code PROPOSE} and {@code ALERT_ONLY}
 * leave it to reconciliation (a proposal an admin approves, or an alert each run). Either way the
 * order is logged once when first missed and once when decided, never every pass.
 *
 * <p>Counts are in memory and survive nothing: after a restart the window starts again from the
 * first miss, so a restart only delays a decision. Not thread-safe: the monitor's pass only.
 */
final class MissingOrderEvidence {
    private static final Logger LOG = LoggerFactory.getLogger(MissingOrderEvidence.class);

    private final EngineControl engine;
    private final MonitorConfig config;
    private final Function<AccountId, ReconciliationPolicy> policies;
    private final Map<ClientOrderId, Misses> misses = new HashMap<>();

    private record Misses(Instant since, int count, boolean decided) {}

    MissingOrderEvidence(
            EngineControl engine, MonitorConfig config, Function<AccountId, ReconciliationPolicy> policies) {
        this.engine = requireNonNull(engine, "engine is null");
        this.config = requireNonNull(config, "config is null");
        this.policies = requireNonNull(policies, "policies is null");
    }

    /** The broker knows the order: the misses start again. */
    void found(ClientOrderId id) {
        misses.remove(id);
    }

    /** Forgets orders no longer open. */
    void retainOnly(Collection<ClientOrderId> open) {
        misses.keySet().retainAll(open);
    }

    /** One more look-up found nothing; closes the order (or hands it on) once the rule is met. */
    void missed(Order order, BrokerPoll poll, BrokerPoll.Tally tally, Instant now) {
        ClientOrderId id = order.id();
        Misses before = misses.get(id);
        Misses counted = before == null
                ? new Misses(now, 1, false)
                : new Misses(before.since(), before.count() + 1, before.decided());
        misses.put(id, counted);
        Instant windowEnds = counted.since().plus(config.unknownGraceWindow());
        if (before == null) {
            LOG.info(
                    "order {} ({}, {}) is not known to broker {}; decided unless found by {} or within {} look-ups",
                    id,
                    order.brokerOrderId().orElse(null),
                    order.status(),
                    poll.broker(),
                    windowEnds,
                    config.unknownMissesBeforeError());
        }
        if (counted.decided() || counted.count() < config.unknownMissesBeforeError() || now.isBefore(windowEnds)) {
            return;
        }
        String evidence = counted.count() + " look-ups since " + counted.since() + " found nothing";
        ReconciliationPolicy policy = policies.apply(order.account());
        if (policy != ReconciliationPolicy.TRUST_BROKER) {
            misses.put(id, new Misses(counted.since(), counted.count(), true));
            LOG.warn(
                    "order {} is not known to broker {} ({}); left open under policy {}: reconciliation {}",
                    id,
                    poll.broker(),
                    evidence,
                    policy,
                    policy == ReconciliationPolicy.PROPOSE ? "proposes closing it" : "reports it each run");
            return;
        }
        Optional<OrderCommandResult> result = poll.result(
                engine.closeNotKnownAtBroker(id, "not known to broker " + poll.broker() + ": " + evidence),
                "the closing of " + id);
        if (result.filter(OrderCommandResult.Accepted.class::isInstance).isPresent()) {
            misses.remove(id);
            tally.closedNotKnown++;
        }
    }
}
