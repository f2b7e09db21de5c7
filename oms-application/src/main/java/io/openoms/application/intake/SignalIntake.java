package io.openoms.application.intake;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.value.StrategyId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns signals into orders for the ways in that are not a person at a REST client: the Redis stream
 * and channel, and webhooks. Reads the signal with {@link SignalParser}, submits it through {@link
 * OrderEntry} and waits until the outcome is durable, so the caller acknowledges the message only then.
 *
 * <p>Exactly one order per signal: a signal's {@code id} (or, without one, the caller's {@code
 * fallbackId}, e.g. the stream entry's id) becomes the order's {@code clientOrderId}, and the engine
 * answers a repeated id with the order it already has. Thread safety: safe from any thread.
 */
public final class SignalIntake {
    private static final Logger LOG = LoggerFactory.getLogger(SignalIntake.class);

    private final OrderEntry entry;
    private final SignalParser parser;
    private final Duration answerTimeout;

    /**
     * @param answerTimeout how long to wait for the engine's durable answer; past it the outcome is
     *     treated as transient (the signal is offered again and deduplicated by its id)
     */
    public SignalIntake(OrderEntry entry, SignalParser parser, Duration answerTimeout) {
        this.entry = requireNonNull(entry, "entry is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.answerTimeout = requireNonNull(answerTimeout, "answerTimeout is null");
    }

    /**
     * Places {@code signal} (already parsed from JSON into plain values).
     *
     * @param fallbackId the order's id when the signal gives none: something the message carrying it
     *     keeps across redeliveries
     * @param strategy the strategy the way in is bound to (a webhook token's), if any
     */
    public SignalOutcome place(
            Map<String, ?> signal, Optional<ClientOrderId> fallbackId, Optional<StrategyId> strategy) {
        requireNonNull(fallbackId, "fallbackId is null");
        ParsedSignal parsed = parser.parse(signal, strategy);
        if (parsed instanceof ParsedSignal.Invalid invalid) {
            return new SignalOutcome.Invalid(invalid);
        }
        ParsedSignal.Valid valid = (ParsedSignal.Valid) parsed;
        SubmitOrder command = valid.order().clientOrderId().isPresent()
                ? valid.order()
                : new SubmitOrder(valid.order().request(), fallbackId);
        OrderRequest request = command.request();
        LOG.info(
                "signal {} for {} {} {}: {}",
                command.clientOrderId().map(ClientOrderId::value).orElse("(no id)"),
                request.side(),
                request.quantity(),
                request.instrument(),
                valid.reason().replaceAll("[\\r\\n]", " "));
        OrderCommandResult result;
        try {
            result = entry.submit(command).get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new SignalOutcome.Failed(
                    FailureCode.ENGINE_BUSY, "no durable answer within " + answerTimeout + "; offered again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignalOutcome.Failed(FailureCode.ENGINE_STOPPED, "interrupted while waiting for the engine");
        } catch (ExecutionException e) {
            return new SignalOutcome.Failed(FailureCode.INTERNAL_ERROR, String.valueOf(e.getCause()));
        }
        if (result instanceof OrderCommandResult.Accepted accepted) {
            return new SignalOutcome.Accepted(accepted.order());
        }
        if (result instanceof OrderCommandResult.Rejected rejected) {
            return new SignalOutcome.Rejected(rejected.order());
        }
        // The engine decides whether a repeated id repeats the order as first submitted.
        if (result instanceof OrderCommandResult.Failed failed
                && failed.code() == FailureCode.VALIDATION_CLIENT_ORDER_ID_CONFLICT) {
            return new SignalOutcome.Conflict(command.clientOrderId().orElseThrow());
        }
        if (result instanceof OrderCommandResult.Failed failed) {
            return new SignalOutcome.Failed(failed.code(), failed.message());
        }
        return new SignalOutcome.Failed(FailureCode.INTERNAL_ERROR, "unexpected answer to a submit: " + result);
    }
}
