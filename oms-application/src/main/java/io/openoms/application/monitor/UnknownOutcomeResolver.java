package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import io.openoms.application.engine.EngineControl;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerOrder;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds evidence for orders whose last broker request has an unknown outcome, and never resends.
 *
 * <p>A submit: the order is searched for by its tag ({@code findOrder}), then in the broker's day's
 * orders (its history). Found, the broker's view resolves it ({@code ACCEPTED}, filled, …) and its
 * trades are handed in. Not found is a miss; only when both {@code unknownGraceWindow} has passed
 * since the unknown began and {@code unknownMissesBeforeError} consecutive searches have missed is
 * the submit declared never placed ({@code ERROR}), so a broker that shows a just-placed order late
 * does not cause an {@code ERROR}. A failed search (no permit, a timeout, a lost session) is
 * neither a hit nor a miss.
 *
 * <p>A cancel or modify: the broker's view of the order decides. When it shows the request took
 * effect (the order closed, or the modification visible), it is applied at once; when it shows no
 * effect, that counts as a miss, and after the same window and misses the engine records the
 * request refused. An order the broker does not know is {@link MissingOrderEvidence}'s to decide.
 *
 * <p>Miss counts are in memory and survive nothing: after a restart they start from zero, while
 * the window still runs from {@link UnknownOutcome#since()}, which is durable. Not thread-safe: the
 * monitor calls it from its pass only.
 */
final class UnknownOutcomeResolver {
    private static final Logger LOG = LoggerFactory.getLogger(UnknownOutcomeResolver.class);

    private final EngineControl engine;
    private final MonitorConfig config;
    private final MissingOrderEvidence missing;
    private final Map<ClientOrderId, Integer> misses = new HashMap<>();

    UnknownOutcomeResolver(EngineControl engine, MonitorConfig config, MissingOrderEvidence missing) {
        this.engine = requireNonNull(engine, "engine is null");
        this.config = requireNonNull(config, "config is null");
        this.missing = requireNonNull(missing, "missing is null");
    }

    void resolve(Order order, BrokerPoll poll, BrokerPoll.Tally tally, Instant now) {
        UnknownOutcome unknown = order.outcomeUnknown().orElseThrow();
        if (unknown.operation() == UnknownOperation.SUBMIT) {
            resolveSubmit(order, unknown, poll, tally, now);
        } else {
            resolveCancelOrModify(order, unknown, poll, tally, now);
        }
    }

    /** Forgets the miss counts of orders no longer unknown. */
    void retainOnly(List<ClientOrderId> stillUnknown) {
        misses.keySet().retainAll(stillUnknown);
    }

    private void resolveSubmit(
            Order order, UnknownOutcome unknown, BrokerPoll poll, BrokerPoll.Tally tally, Instant now) {
        ClientOrderId id = order.id();
        Optional<Optional<BrokerOrder>> search = order.brokerOrderId().isPresent()
                ? poll.order(order.brokerOrderId().get())
                : poll.findOrder(id);
        if (search.isEmpty()) {
            return;
        }
        Optional<BrokerOrder> found = search.get();
        if (found.isEmpty()) {
            Optional<List<BrokerOrder>> day = poll.orders();
            if (day.isEmpty()) {
                return;
            }
            found = day.get().stream()
                    .filter(o -> o.clientOrderId().filter(id::equals).isPresent())
                    .findFirst();
        }
        if (found.isPresent()) {
            misses.remove(id);
            LOG.info("order {} with an unknown submit found at broker {} as {}", id, poll.broker(), found.get());
            if (apply(order, found.get(), poll)) {
                tally.resolved++;
                poll.applyMissingTrades(order, found.get());
            }
            return;
        }
        int missed = misses.merge(id, 1, Integer::sum);
        Instant windowEnds = unknown.since().plus(config.unknownGraceWindow());
        if (missed < config.unknownMissesBeforeError() || now.isBefore(windowEnds)) {
            LOG.info(
                    "order {} with an unknown submit not found at broker {} (miss {} of {}, window until {})",
                    id,
                    poll.broker(),
                    missed,
                    config.unknownMissesBeforeError(),
                    windowEnds);
            return;
        }
        Optional<OrderCommandResult> result =
                poll.result(engine.resolveUnknown(id, Optional.empty()), "the never-placed submit of " + id);
        if (result.filter(OrderCommandResult.Accepted.class::isInstance).isPresent()) {
            misses.remove(id);
            tally.neverPlaced++;
            LOG.warn(
                    "order {}: not found at broker {} in {} searches over {} since {}; declared never placed",
                    id,
                    poll.broker(),
                    missed,
                    config.unknownGraceWindow(),
                    unknown.since());
        } else {
            LOG.warn("order {}: the engine did not record the never-placed submit: {}", id, result);
        }
    }

    private void resolveCancelOrModify(
            Order order, UnknownOutcome unknown, BrokerPoll poll, BrokerPoll.Tally tally, Instant now) {
        ClientOrderId id = order.id();
        if (order.brokerOrderId().isEmpty()) {
            LOG.warn("order {} has an unknown {} but no broker id; left for reconciliation", id, unknown.operation());
            return;
        }
        Optional<Optional<BrokerOrder>> view = poll.order(order.brokerOrderId().get());
        if (view.isEmpty()) {
            return;
        }
        if (view.get().isEmpty()) {
            missing.missed(order, poll, tally, now);
            return;
        }
        BrokerOrder atBroker = view.get().get();
        missing.found(id);
        boolean tookEffect = !atBroker.status().isOpen()
                || (unknown.operation() == UnknownOperation.MODIFY
                        && order.pendingModification().filter(atBroker::shows).isPresent());
        if (!tookEffect) {
            int missed = misses.merge(id, 1, Integer::sum);
            Instant windowEnds = unknown.since().plus(config.unknownGraceWindow());
            if (missed < config.unknownMissesBeforeError() || now.isBefore(windowEnds)) {
                LOG.info(
                        "order {}: the unknown {} shows no effect at broker {} yet (miss {} of {}, window until {})",
                        id,
                        unknown.operation(),
                        poll.broker(),
                        missed,
                        config.unknownMissesBeforeError(),
                        windowEnds);
                return;
            }
        }
        misses.remove(id);
        poll.applyMissingTrades(order, atBroker);
        if (apply(order, atBroker, poll)) {
            tally.resolved++;
        }
    }

    private boolean apply(Order order, BrokerOrder atBroker, BrokerPoll poll) {
        Optional<OrderCommandResult> result = poll.result(
                engine.resolveUnknown(order.id(), Optional.of(atBroker)), "the resolution of " + order.id());
        if (result.filter(OrderCommandResult.Accepted.class::isInstance).isPresent()) {
            return true;
        }
        LOG.warn("order {}: the engine did not apply the broker's evidence: {}", order.id(), result);
        return false;
    }
}
