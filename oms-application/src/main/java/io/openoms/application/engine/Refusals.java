package io.openoms.application.engine;

import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.TradingStateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails a command the engine will not apply (stopped, journal unavailable, a bug): order commands,
 * cancel-all, limits and trading-state changes complete with their result's {@code Failed}; internal
 * ones (ticks, snapshots, expiry) fail with {@link EngineUnavailableException}, and broker reports
 * are logged for reconciliation to recover.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    static void refuse(EngineCommand command, FailureCode code, String message) {
        OrderCommandResult failed = new OrderCommandResult.Failed(code, message);
        if (command instanceof EngineCommand.Submit c) {
            c.result().complete(failed);
        } else if (command instanceof EngineCommand.Modify c) {
            c.result().complete(failed);
        } else if (command instanceof EngineCommand.Cancel c) {
            c.result().complete(failed);
        } else if (command instanceof EngineCommand.ResolveUnknown c) {
            c.result().complete(failed);
        } else if (command instanceof EngineCommand.CloseNotKnownAtBroker c) {
            c.result().complete(failed);
        } else if (command instanceof EngineCommand.ExternalFill c) {
            c.result().complete(new ExternalFillResult.Refused(code, message));
        } else if (command instanceof EngineCommand.CancelAll c) {
            c.result().complete(new CancelAllResult.Failed(code, message));
        } else if (command instanceof EngineCommand.SetLimits c) {
            c.result().complete(new LimitsChangeResult.Failed(code, message));
        } else if (command instanceof EngineCommand.SetTradingState c) {
            c.result().complete(new TradingStateResult.Failed(code, message));
        } else if (command instanceof EngineCommand.ExpireDue c) {
            c.result().completeExceptionally(new EngineUnavailableException(code, message));
        } else if (command instanceof EngineCommand.ReadSnapshot c) {
            c.result().completeExceptionally(new EngineUnavailableException(code, message));
        } else if (command instanceof EngineCommand.TimerTick c) {
            c.done().completeExceptionally(new EngineUnavailableException(code, message));
        } else if (command instanceof EngineCommand.OrderUpdate c) {
            LOG.warn("broker update not applied ({}): {}; reconciliation will recover it", message, c);
            c.done().ifPresent(f -> f.completeExceptionally(new EngineUnavailableException(code, message)));
        } else if (command instanceof EngineCommand.TradeReport c) {
            LOG.warn("broker trade not applied ({}): {}; reconciliation will recover it", message, c);
            c.done().ifPresent(f -> f.completeExceptionally(new EngineUnavailableException(code, message)));
        } else if (command instanceof EngineCommand.BrokerReply c) {
            LOG.warn("broker answer not applied ({}): {}; the order is left to the resolver", message, c);
        } else {
            LOG.warn("command not applied ({}): {}", message, command);
        }
    }
}
