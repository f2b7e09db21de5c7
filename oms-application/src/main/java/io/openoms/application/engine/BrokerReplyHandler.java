package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.out.BrokerResult;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's answers to our own place, modify and cancel requests (or why a request was never
 * sent). A definitive answer moves the order; an ambiguous one records an unknown outcome and never
 * resends. Answers the transition table refuses are stale and ignored. Engine thread only.
 */
final class BrokerReplyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerReplyHandler.class);

    private final EngineState state;
    private final OrderRecorder recorder;
    private final EngineConfig config;

    BrokerReplyHandler(EngineState state, OrderRecorder recorder, EngineConfig config) {
        this.state = requireNonNull(state, "state is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
        this.config = requireNonNull(config, "config is null");
    }

    void reply(EngineCommand.BrokerReply reply, Unit unit, Instant now) {
        ClientOrderId id = reply.orderId();
        Optional<Order> found = state.locate(id);
        if (found.isEmpty()) {
            LOG.error("broker answer for unknown order {}: {}", id, reply);
            return;
        }
        OrderManager orders = state.orders();
        if (reply.notSent().isPresent()) {
            String reason = "not sent to the broker: " + reply.notSent().get();
            switch (reply.operation()) {
                case PLACE -> {
                    state.cancelWhenAcknowledged().remove(id);
                    recorder.tryRecord(unit, () -> orders.reject(id, Rejection.bySystem(reason), now));
                }
                case MODIFY -> recorder.tryRecord(unit, () -> orders.rejectModify(id, reason, now));
                case CANCEL -> {
                    state.expiring().remove(id);
                    recorder.tryRecord(unit, () -> orders.rejectCancel(id, reason, now));
                }
            }
            return;
        }
        BrokerResult<BrokerOrderId> result = reply.result().orElseThrow();
        switch (reply.operation()) {
            case PLACE -> placeAnswered(id, result, unit, now);
            case MODIFY -> modifyAnswered(id, result, unit, now);
            case CANCEL -> cancelAnswered(id, result, unit, now);
        }
    }

    private void placeAnswered(ClientOrderId id, BrokerResult<BrokerOrderId> result, Unit unit, Instant now) {
        OrderManager orders = state.orders();
        if (result instanceof BrokerResult.Success<BrokerOrderId> success) {
            recorder.tryRecord(unit, () -> orders.markSubmitted(id, now));
            recorder.tryRecord(unit, () -> orders.accept(id, success.value(), now));
        } else if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            state.cancelWhenAcknowledged().remove(id);
            recorder.tryRecord(unit, () -> orders.rejectByBroker(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            recorder.tryRecord(unit, () -> orders.markSubmitted(id, now));
            Order order = orders.get(id);
            if (!order.isTerminal()
                    && order.brokerOrderId().isEmpty()
                    && order.fills().isEmpty()) {
                recorder.tryRecord(
                        unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.SUBMIT, unknown.reason(), now));
                unit.publish(new OmsEvent.Alert(
                        "engine",
                        "order " + id + ": the submit's outcome is unknown (" + unknown.reason()
                                + "); it will not be resent until the broker is searched for it",
                        Optional.empty()));
            }
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            state.cancelWhenAcknowledged().remove(id);
            recorder.tryRecord(
                    unit,
                    () -> orders.rejectByBroker(
                            id,
                            "rate-limited by the broker beyond the allowed wait of " + config.rateLimitMaxWait() + ": "
                                    + limited.reason(),
                            now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            state.cancelWhenAcknowledged().remove(id);
            recorder.tryRecord(
                    unit, () -> orders.rejectByBroker(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private void modifyAnswered(ClientOrderId id, BrokerResult<BrokerOrderId> result, Unit unit, Instant now) {
        OrderManager orders = state.orders();
        // The gateway's contract: Success means the broker took the modification.
        if (result instanceof BrokerResult.Success<BrokerOrderId>) {
            recorder.tryRecord(unit, () -> orders.confirmModify(id, now));
        } else if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            recorder.tryRecord(unit, () -> orders.rejectModify(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            recorder.tryRecord(
                    unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.MODIFY, unknown.reason(), now));
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            recorder.tryRecord(
                    unit, () -> orders.rejectModify(id, "rate-limited by the broker: " + limited.reason(), now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            recorder.tryRecord(unit, () -> orders.rejectModify(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private void cancelAnswered(ClientOrderId id, BrokerResult<BrokerOrderId> result, Unit unit, Instant now) {
        OrderManager orders = state.orders();
        // The gateway's contract: Success means the broker took the cancel. A fill that raced it is
        // still recorded when reported (a late fill on a cancelled order counts).
        if (result instanceof BrokerResult.Success<BrokerOrderId>) {
            boolean expire = state.expiring().remove(id);
            recorder.tryRecord(unit, () -> expire ? orders.expire(id, now) : orders.confirmCancel(id, now));
            return;
        }
        state.expiring().remove(id);
        if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            recorder.tryRecord(unit, () -> orders.rejectCancel(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            recorder.tryRecord(
                    unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.CANCEL, unknown.reason(), now));
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            recorder.tryRecord(
                    unit, () -> orders.rejectCancel(id, "rate-limited by the broker: " + limited.reason(), now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            recorder.tryRecord(unit, () -> orders.rejectCancel(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private static OmsEvent.Alert sessionExpiredAlert(String reason) {
        return new OmsEvent.Alert("broker", "broker session expired: " + reason + "; log in again", Optional.empty());
    }
}
