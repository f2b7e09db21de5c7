package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.ExternalFillResult;
import io.openoms.domain.port.in.ExternalFills;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.RecordExternalFill;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.IdGenerator;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.position.AccountPortfolio;
import io.openoms.domain.position.Position;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Price;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The single-writer engine: every change of orders, positions, limits and trading states is a
 * command applied on one engine thread, through the domain, journalled, and only once durable are
 * its side effects released — callers' futures completed, broker requests sent, events published.
 *
 * <p>This class is the front door: it implements the driving ports and {@link EngineControl}, turns
 * each call into a command for the {@link EngineLoop}, and wires the parts — {@link EngineState}
 * (what the engine knows), {@link OrderEntryHandler}, {@link BrokerReplyHandler}, {@link
 * ExecutionReportHandler} and {@link ExternalOrderAdopter} (how each command changes it). See {@link
 * EngineLoop} for threads, group commit and failures.
 *
 * <p><b>Reads.</b> {@link io.openoms.domain.port.in.OrderQueries} read the durable {@link
 * OrderStore} and {@link Journal}; {@link io.openoms.domain.port.in.PositionQueries} read a snapshot
 * the engine thread publishes after each durable batch.
 */
public final class TradingEngine implements EngineControl, OrderEntry, BrokerUpdates, ExternalFills {
    private final Journal journal;
    private final OrderStore orderStore;
    private final EngineState state;
    private final EngineLoop loop;
    private final EngineHandlers handlers;
    private final OrderRouter router;

    public TradingEngine(
            Journal journal,
            OrderStore orderStore,
            PositionStore positionStore,
            RiskLimitStore riskLimitStore,
            InstrumentCatalog instruments,
            MarketData marketData,
            IdGenerator ids,
            OrderRouter router,
            RateLimitGuard rateLimits,
            OmsEventPublisher publisher,
            ReconciliationLog reconciliationLog,
            Clock clock,
            PreTradeValidator validator,
            EngineConfig config) {
        this(
                journal,
                orderStore,
                positionStore,
                riskLimitStore,
                instruments,
                marketData,
                ids,
                router,
                rateLimits,
                publisher,
                reconciliationLog,
                clock,
                validator,
                config,
                EngineObserver.NONE);
    }

    /** As the other constructor, with an {@code observer} told what the engine thread spends its time on. */
    public TradingEngine(
            Journal journal,
            OrderStore orderStore,
            PositionStore positionStore,
            RiskLimitStore riskLimitStore,
            InstrumentCatalog instruments,
            MarketData marketData,
            IdGenerator ids,
            OrderRouter router,
            RateLimitGuard rateLimits,
            OmsEventPublisher publisher,
            ReconciliationLog reconciliationLog,
            Clock clock,
            PreTradeValidator validator,
            EngineConfig config,
            EngineObserver observer) {
        this.journal = requireNonNull(journal, "journal is null");
        this.orderStore = requireNonNull(orderStore, "orderStore is null");
        this.router = requireNonNull(router, "router is null");
        requireNonNull(ids, "ids is null");
        this.state = new EngineState(orderStore, positionStore, riskLimitStore, instruments, marketData, config);
        this.loop = new EngineLoop(state, journal, publisher, rateLimits, clock, config);
        BrokerDispatcher dispatcher = loop.dispatcher();
        OrderRecorder recorder = new OrderRecorder(state, router, dispatcher);
        EngineFindings findings = new EngineFindings(reconciliationLog);
        this.handlers = new EngineHandlers(
                state,
                new OrderEntryHandler(
                        state, recorder, router, dispatcher, ids, instruments, validator, observer, config),
                new BrokerReplyHandler(state, recorder, config),
                new ExecutionReportHandler(
                        state,
                        recorder,
                        new ExternalOrderAdopter(state, recorder, findings, ids, config),
                        findings,
                        config),
                router,
                dispatcher);
    }

    @Override
    public void start() {
        loop.start(handlers);
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public int queueDepth() {
        return loop.queueDepth();
    }

    @Override
    public int brokerCallsInFlight() {
        return loop.brokerCallsInFlight();
    }

    @Override
    public CompletableFuture<OrderCommandResult> submit(SubmitOrder command) {
        requireNonNull(command, "command is null");
        return orderCommand(result -> new EngineCommand.Submit(command, result));
    }

    @Override
    public CompletableFuture<OrderCommandResult> modify(ModifyOrder command) {
        requireNonNull(command, "command is null");
        return orderCommand(result -> new EngineCommand.Modify(command, result));
    }

    @Override
    public CompletableFuture<OrderCommandResult> cancel(CancelOrder command) {
        requireNonNull(command, "command is null");
        return orderCommand(result -> new EngineCommand.Cancel(command, result));
    }

    private CompletableFuture<OrderCommandResult> orderCommand(
            Function<CompletableFuture<OrderCommandResult>, EngineCommand> command) {
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        loop.offer(command.apply(result), result);
        return result;
    }

    /** Completes {@link CancelAllResult.Failed} at once when the queue is full or the engine stopped. */
    @Override
    public CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command) {
        requireNonNull(command, "command is null");
        CompletableFuture<CancelAllResult> result = new CompletableFuture<>();
        offer(new EngineCommand.CancelAll(command, result), result, CancelAllResult.Failed::new);
        return result;
    }

    /**
     * Only an order whose venue takes external fills (the {@code manual} venue) takes one: checked here,
     * off the engine thread, since an order's account and so its venue never change.
     */
    @Override
    public CompletableFuture<ExternalFillResult> recordFill(RecordExternalFill fill) {
        requireNonNull(fill, "fill is null");
        Optional<Order> order = order(fill.orderId());
        if (order.isEmpty()) {
            return CompletableFuture.completedFuture(new ExternalFillResult.Refused(
                    FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + fill.orderId()));
        }
        Optional<BrokerGateway> venue = router.brokerFor(order.get().account());
        if (venue.isEmpty() || !venue.get().takesExternalFills()) {
            return CompletableFuture.completedFuture(new ExternalFillResult.Refused(
                    FailureCode.VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED,
                    "order " + fill.orderId() + " is at venue "
                            + venue.map(BrokerGateway::name).orElse("(none)")
                            + ", which reports its own fills; external fills are taken only for a manual venue's"
                            + " orders"));
        }
        CompletableFuture<ExternalFillResult> result = new CompletableFuture<>();
        loop.tryOffer(new EngineCommand.ExternalFill(fill, result))
                .ifPresent(code -> result.complete(new ExternalFillResult.Refused(code, EngineLoop.message(code))));
        return result;
    }

    /** Enqueues {@code command}; a refusal completes {@code result} at once with {@code failed}'s answer. */
    private <T> void offer(
            EngineCommand command, CompletableFuture<T> result, BiFunction<FailureCode, String, ? extends T> failed) {
        loop.tryOffer(command).ifPresent(code -> result.complete(failed.apply(code, EngineLoop.message(code))));
    }

    @Override
    public Optional<Order> order(ClientOrderId id) {
        return orderStore.findById(requireNonNull(id, "id is null"));
    }

    @Override
    public Optional<Order> orderByBrokerOrderId(BrokerOrderId id) {
        return orderStore.findByBrokerOrderId(requireNonNull(id, "id is null"));
    }

    @Override
    public OrderPage orders(OrderQuery query) {
        return orderStore.find(requireNonNull(query, "query is null"));
    }

    @Override
    public List<OrderEvent> history(ClientOrderId id) {
        return journal.eventsOf(requireNonNull(id, "id is null")).stream()
                .map(JournalRecord::event)
                .toList();
    }

    /** From the snapshot published after the last durable batch; never blocks the engine. */
    @Override
    public List<Position> positions(boolean includeClosed) {
        return state.positions(includeClosed);
    }

    @Override
    public List<Position> positions(AccountId account, boolean includeClosed) {
        requireNonNull(account, "account is null");
        return positions(includeClosed).stream()
                .filter(p -> p.key().account().equals(account))
                .toList();
    }

    @Override
    public AccountPortfolio portfolio(AccountId account) {
        return state.portfolio(requireNonNull(account, "account is null"));
    }

    @Override
    public RiskLimits limits(AccountId account) {
        return state.limits(requireNonNull(account, "account is null"));
    }

    @Override
    public CompletableFuture<LimitsChangeResult> replaceLimits(AccountId account, RiskLimits newLimits, String actor) {
        requireNonNull(account, "account is null");
        requireNonNull(newLimits, "newLimits is null");
        requireNonNull(actor, "actor is null");
        CompletableFuture<LimitsChangeResult> result = new CompletableFuture<>();
        offer(new EngineCommand.SetLimits(account, newLimits, actor, result), result, LimitsChangeResult.Failed::new);
        return result;
    }

    @Override
    public TradingStateChange tradingState(AccountId account) {
        return state.tradingState(requireNonNull(account, "account is null"));
    }

    @Override
    public CompletableFuture<TradingStateResult> setTradingState(
            AccountId account, TradingState newState, String reason, String actor) {
        requireNonNull(account, "account is null");
        requireNonNull(newState, "newState is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(actor, "actor is null");
        CompletableFuture<TradingStateResult> result = new CompletableFuture<>();
        offer(
                new EngineCommand.SetTradingState(account, newState, reason, actor, result),
                result,
                TradingStateResult.Failed::new);
        return result;
    }

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        loop.put(
                new EngineCommand.OrderUpdate(
                        requireNonNull(broker, "broker is null"),
                        requireNonNull(order, "order is null"),
                        Optional.empty()),
                null);
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        loop.put(
                new EngineCommand.TradeReport(
                        requireNonNull(broker, "broker is null"),
                        requireNonNull(trade, "trade is null"),
                        Optional.empty()),
                null);
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        loop.put(
                new EngineCommand.MalformedPayload(
                        requireNonNull(broker, "broker is null"),
                        requireNonNull(rawPayload, "rawPayload is null"),
                        requireNonNull(problem, "problem is null")),
                null);
    }

    @Override
    public void streamReconnected(String broker) {
        loop.put(new EngineCommand.StreamReconnected(requireNonNull(broker, "broker is null")), null);
    }

    @Override
    public CompletableFuture<Void> applyBrokerSnapshot(String broker, BrokerOrder order) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.put(new EngineCommand.OrderUpdate(broker, order, Optional.of(done)), done);
        return done;
    }

    @Override
    public CompletableFuture<Void> applyBrokerTrade(String broker, BrokerTrade trade) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.put(new EngineCommand.TradeReport(broker, trade, Optional.of(done)), done);
        return done;
    }

    @Override
    public CompletableFuture<List<ClientOrderId>> expireDue() {
        CompletableFuture<List<ClientOrderId>> result = new CompletableFuture<>();
        loop.put(new EngineCommand.ExpireDue(result), result);
        return result;
    }

    @Override
    public CompletableFuture<OrderCommandResult> resolveUnknown(ClientOrderId orderId, Optional<BrokerOrder> atBroker) {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(atBroker, "atBroker is null");
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        loop.put(new EngineCommand.ResolveUnknown(orderId, atBroker, result), result);
        return result;
    }

    @Override
    public CompletableFuture<OrderCommandResult> closeNotKnownAtBroker(ClientOrderId orderId, String reason) {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(reason, "reason is null");
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        loop.put(new EngineCommand.CloseNotKnownAtBroker(orderId, reason, result), result);
        return result;
    }

    @Override
    public CompletableFuture<Void> timerTick() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.put(new EngineCommand.TimerTick(done), done);
        return done;
    }

    @Override
    public void markPrice(InstrumentId instrument, Price price) {
        loop.put(
                new EngineCommand.MarkPrice(
                        requireNonNull(instrument, "instrument is null"), requireNonNull(price, "price is null")),
                null);
    }

    @Override
    public CompletableFuture<EngineSnapshot> snapshot() {
        CompletableFuture<EngineSnapshot> result = new CompletableFuture<>();
        loop.put(new EngineCommand.ReadSnapshot(result), result);
        return result;
    }

    @Override
    public Optional<DayPnl> dayPnl(AccountId account) {
        return state.dayPnl(account);
    }
}
