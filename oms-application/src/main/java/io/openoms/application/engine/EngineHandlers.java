package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.risk.TradingStateChange;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each command to the handler of its family, and applies the small administrative ones
 * itself (limits, trading states, marks, timer ticks, snapshots, stream reconnects). Engine thread
 * only; synchronous, so a test applies a command by calling {@link #handle} with a {@link Unit}.
 */
final class EngineHandlers implements EngineLoop.Commands {
    private static final Logger LOG = LoggerFactory.getLogger(EngineHandlers.class);

    private final EngineState state;
    private final OrderEntryHandler orderEntry;
    private final BrokerReplyHandler brokerReplies;
    private final ExecutionReportHandler executionReports;
    private final OrderRouter router;
    private final BrokerDispatcher dispatcher;

    EngineHandlers(
            EngineState state,
            OrderEntryHandler orderEntry,
            BrokerReplyHandler brokerReplies,
            ExecutionReportHandler executionReports,
            OrderRouter router,
            BrokerDispatcher dispatcher) {
        this.state = requireNonNull(state, "state is null");
        this.orderEntry = requireNonNull(orderEntry, "orderEntry is null");
        this.brokerReplies = requireNonNull(brokerReplies, "brokerReplies is null");
        this.executionReports = requireNonNull(executionReports, "executionReports is null");
        this.router = requireNonNull(router, "router is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    }

    @Override
    public void recover(Unit unit, Instant now) {
        executionReports.recordInterruptedRequests(unit, now);
    }

    @Override
    public void handle(EngineCommand command, Unit unit, Instant now) {
        // Before each command, so memory stays bounded however the commands mix; a peek when none is due.
        state.evictTerminalOrders(now);
        if (command instanceof EngineCommand.Submit c) {
            orderEntry.submit(c, unit, now);
        } else if (command instanceof EngineCommand.Modify c) {
            orderEntry.modify(c, unit, now);
        } else if (command instanceof EngineCommand.Cancel c) {
            orderEntry.cancel(c, unit, now);
        } else if (command instanceof EngineCommand.CancelAll c) {
            orderEntry.cancelAll(c, unit, now);
        } else if (command instanceof EngineCommand.ExpireDue c) {
            orderEntry.expireDue(c, unit, now);
        } else if (command instanceof EngineCommand.BrokerReply c) {
            brokerReplies.reply(c, unit, now);
        } else if (command instanceof EngineCommand.OrderUpdate c) {
            executionReports.orderUpdate(c, unit, now);
        } else if (command instanceof EngineCommand.TradeReport c) {
            executionReports.trade(c, unit, now);
        } else if (command instanceof EngineCommand.ExternalFill c) {
            executionReports.externalFill(c, unit, now);
        } else if (command instanceof EngineCommand.MalformedPayload c) {
            executionReports.malformedPayload(c, unit, now);
        } else if (command instanceof EngineCommand.ResolveUnknown c) {
            executionReports.resolveUnknown(c, unit, now);
        } else if (command instanceof EngineCommand.CloseNotKnownAtBroker c) {
            executionReports.closeNotKnown(c, unit, now);
        } else if (command instanceof EngineCommand.StreamReconnected c) {
            router.broker(c.broker())
                    .ifPresentOrElse(
                            gateway -> unit.afterCommit(() -> dispatcher.resync(gateway)),
                            () -> LOG.warn("stream of unknown broker {} reconnected", c.broker()));
        } else if (command instanceof EngineCommand.SetLimits c) {
            state.replaceLimits(c.account(), c.limits());
            LOG.info("risk limits of account {} replaced by {}", c.account(), c.actor());
            // Stored by the risk-limit store before this returns, so durable even when the journal fails.
            LimitsChangeResult replaced = new LimitsChangeResult.Replaced(c.limits());
            unit.complete(c.result(), replaced);
            unit.onFailure(message -> c.result().complete(replaced));
        } else if (command instanceof EngineCommand.SetTradingState c) {
            TradingStateChange change = new TradingStateChange(c.state(), c.reason(), c.actor(), now);
            state.changeTradingState(c.account(), change);
            LOG.info("trading state of account {} set to {} by {}: {}", c.account(), c.state(), c.actor(), c.reason());
            unit.publish(new OmsEvent.TradingStateChanged(c.account(), change));
            TradingStateResult changed = new TradingStateResult.Changed(change);
            unit.complete(c.result(), changed);
            unit.onFailure(message -> c.result().complete(changed));
        } else if (command instanceof EngineCommand.MarkPrice c) {
            state.mark(c.instrument(), c.price(), now, unit);
        } else if (command instanceof EngineCommand.TimerTick c) {
            state.observeAllDailyPnl(now);
            unit.complete(c.done(), null);
            unit.onFailure(message -> c.done().complete(null));
        } else if (command instanceof EngineCommand.ReadSnapshot c) {
            // Taken once the batch is settled: after a failed append, from the rebuilt state.
            unit.afterCommit(() -> c.result().complete(state.snapshot()));
            unit.onFailure(message -> c.result().complete(state.snapshot()));
        } else {
            throw new IllegalStateException("unknown command " + command);
        }
    }
}
