package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.ratelimit.RateLimitGuard;
import io.openoms.application.ratelimit.RequestPriority;
import io.openoms.application.routing.OrderRouter;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.DuplicateOrderException;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.IllegalOrderTransitionException;
import io.openoms.domain.order.InvalidOrderRequestException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderNotCancellableException;
import io.openoms.domain.order.OrderNotModifiableException;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.Rejection;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.order.UnknownOperation;
import io.openoms.domain.order.UnknownOutcome;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.in.RiskAdministration;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.IdGenerator;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalException;
import io.openoms.domain.port.out.JournalRecord;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.OrderPage;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.position.AccountPortfolio;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.position.PositionUpdate;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskDecision;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.StrategyId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-writer engine: every change of orders, positions, limits and trading states is a
 * command applied on one engine thread, through the domain, journalled, and only once durable are
 * its side effects released — callers' futures completed, broker requests sent, events published.
 *
 * <p><b>Threads.</b> Callers enqueue commands into a bounded queue. A submit or modify that finds
 * {@code queueCapacity} commands waiting, counting broker calls not yet answered, is refused at once
 * with {@code ENGINE_BUSY} (nothing stored),
 * so overload is turned away rather than queued into latency; cancels, cancel-all, limits and the
 * trading state may use a reserve above that (refused busy only when it too is full). Broker
 * updates and answers have a queue of their own, applied first in each batch; they wait for room
 * in it (they are never dropped).
 * The engine thread takes up to {@code maxCommandsPerBatch} queued commands, applies them and appends
 * their events, with the orders and positions they changed, as one journal batch (the engine's own
 * group commit); it waits for that append before the next batch, so memory never runs ahead of the
 * journal by more than the batch in hand. Broker calls run on a dispatch executor; their answers come
 * back as commands. Caller futures complete on the engine thread: dependent stages that may block
 * must use the {@code *Async} variants.
 *
 * <p><b>Failures.</b> When an append fails, every command of the batch fails with {@code
 * JOURNAL_UNAVAILABLE}, nothing is sent, nothing is published, and the in-memory orders and positions
 * are rebuilt from the stores (which hold exactly what was durable); while the stores cannot be read
 * the engine refuses every command. A command that throws (a bug) is discarded the same way and
 * fails with {@code INTERNAL_ERROR}; the commands before it in the batch are kept.
 *
 * <p><b>Reads.</b> {@link OrderQueries} read the durable {@link OrderStore} and {@link Journal};
 * {@link PositionQueries} read a snapshot the engine thread publishes after each durable batch.
 *
 * <p><b>Hooks for the monitor and reconciliation</b> ({@link #applyBrokerSnapshot}, {@link
 * #applyBrokerTrade}, {@link #expireDue}, {@link #resolveUnknown}, {@link #timerTick}, {@link
 * #markPrice}, {@link #snapshot}): each is one command through the same queue; they wait for room
 * like broker updates.
 */
public final class TradingEngine
        implements OrderEntry, OrderQueries, PositionQueries, RiskAdministration, BrokerUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);

    /** The strategy of orders found at a broker and adopted (placed outside OpenOMS, or lost by us). */
    public static final StrategyId EXTERNAL_STRATEGY = StrategyId.of("external");

    private static final int MAX_PARKED_TRADES = 10_000;
    private static final int MIN_QUEUE_RESERVE = 1024;
    private static final AccountId UNKNOWN_ACCOUNT = AccountId.of("unknown");

    private enum State {
        NEW,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final Journal journal;
    private final OrderStore orderStore;
    private final PositionStore positionStore;
    private final RiskLimitStore riskLimitStore;
    private final InstrumentCatalog instruments;
    private final MarketData marketData;
    private final IdGenerator ids;
    private final OrderRouter router;
    private final OmsEventPublisher publisher;
    private final ReconciliationLog reconciliationLog;
    private final Clock clock;
    private final RiskChecks riskChecks;
    private final ModificationScreen modificationScreen;
    private final EngineConfig config;

    private final ArrayBlockingQueue<EngineCommand> queue;
    private final ArrayBlockingQueue<EngineCommand> brokerQueue;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService dispatchExecutor;
    private final BrokerDispatcher dispatcher;
    private final AtomicInteger brokerCallsInFlight = new AtomicInteger();
    private final CountDownLatch loopDone = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private volatile boolean forceStop;
    private volatile Thread engineThread;

    // Engine-thread state.
    private final ArrayDeque<EngineCommand> internal = new ArrayDeque<>();
    private OrderManager orders = new OrderManager();
    private PositionManager positions = new PositionManager();
    private boolean needsRestore;
    private final DailyPnl dailyPnl = new DailyPnl();
    private final Set<ClientOrderId> placeInFlight = new HashSet<>();
    private final Set<ClientOrderId> cancelWhenAcknowledged = new HashSet<>();
    private final Set<ClientOrderId> expiring = new HashSet<>();
    private final Map<BrokerOrderId, List<BrokerTrade>> parkedTrades = new LinkedHashMap<>();
    private final List<EngineCommand.Submit> held = new ArrayList<>();

    // Read from any thread, written by the engine thread.
    private final Map<AccountId, RiskLimits> limits = new ConcurrentHashMap<>();
    private final Map<AccountId, TradingStateChange> tradingStates = new ConcurrentHashMap<>();
    private volatile PositionView positionView = PositionView.EMPTY;

    private record PositionView(List<Position> all, Map<AccountId, AccountPortfolio> portfolios) {
        static final PositionView EMPTY = new PositionView(List.of(), Map.of());
    }

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
        this.positionStore = requireNonNull(positionStore, "positionStore is null");
        this.riskLimitStore = requireNonNull(riskLimitStore, "riskLimitStore is null");
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.marketData = requireNonNull(marketData, "marketData is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.router = requireNonNull(router, "router is null");
        requireNonNull(rateLimits, "rateLimits is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.reconciliationLog = requireNonNull(reconciliationLog, "reconciliationLog is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.riskChecks = new RiskChecks(validator, observer);
        this.modificationScreen = new ModificationScreen(instruments, riskChecks);
        this.config = requireNonNull(config, "config is null");
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity() + reserve(config.queueCapacity()));
        this.brokerQueue = new ArrayBlockingQueue<>(reserve(config.queueCapacity()));
        AtomicInteger threadNumber = new AtomicInteger();
        this.dispatchExecutor = Executors.newFixedThreadPool(config.brokerDispatchThreads(), runnable -> {
            Thread thread = new Thread(runnable, "oms-broker-dispatch-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher =
                new BrokerDispatcher(dispatchExecutor, rateLimits, config, this::enqueueInternal, brokerCallsInFlight);
    }

    /** Room above {@code queueCapacity} for everything but submits and modifies. */
    static int reserve(int queueCapacity) {
        return Math.max(queueCapacity, MIN_QUEUE_RESERVE);
    }

    /**
     * Restores open orders, positions (closed ones too), limits and trading states from the stores,
     * records an unknown submit outcome for every order found in {@code PENDING_SUBMISSION} (it may
     * have reached the broker before the stop: it is never resent; the resolver looks for it), keeps
     * the cancel of an order found in {@code PENDING_CANCEL} without a broker order id waiting for its
     * acknowledgement, then starts the engine thread. Throws when the stores cannot be read or that record not journalled.
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("the engine was already started");
            }
            restoreFromStores();
            Instant now = clock.instant();
            Unit unit = new Unit();
            for (Order order : orders.openOrders()) {
                if (order.status() == OrderStatus.PENDING_SUBMISSION
                        && order.outcomeUnknown().isEmpty()) {
                    record(
                            unit,
                            orders.recordOutcomeUnknown(
                                    order.id(),
                                    UnknownOperation.SUBMIT,
                                    "found PENDING_SUBMISSION at start-up: the place call may have reached the broker",
                                    now));
                }
                if (order.status() == OrderStatus.PENDING_CANCEL
                        && order.brokerOrderId().isEmpty()) {
                    // Its cancel was waiting for the broker's acknowledgement when the engine stopped: it still is.
                    cancelWhenAcknowledged.add(order.id());
                }
            }
            if (!commit(unit)) {
                throw new IllegalStateException("cannot start: the journal could not record the unknown submits");
            }
            refreshPositionView(null);
            state = State.RUNNING;
            Thread thread = new Thread(this::runLoop, "oms-engine");
            engineThread = thread;
            thread.start();
        }
    }

    /**
     * Stops accepting commands ({@code ENGINE_STOPPED}), applies what is queued, waits for the broker
     * calls in flight and their answers, and ends the engine thread, within {@code stopTimeout}. Broker
     * requests still waiting for a rate-limit permit are then interrupted and never sent; their orders
     * are rejected as not sent. Idempotent.
     */
    public void stop() {
        synchronized (lifecycle) {
            if (state == State.NEW) {
                state = State.STOPPED;
                dispatchExecutor.shutdownNow();
                return;
            }
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPING;
        }
        long timeoutMillis = config.stopTimeout().toMillis();
        try {
            if (!loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "engine did not drain within {}; interrupting broker requests not yet sent",
                        config.stopTimeout());
                dispatchExecutor.shutdownNow();
                if (!loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    forceStop = true;
                    loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forceStop = true;
        }
        dispatchExecutor.shutdownNow();
        state = State.STOPPED;
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
            java.util.function.Function<CompletableFuture<OrderCommandResult>, EngineCommand> command) {
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        offer(command.apply(result), result);
        return result;
    }

    /** Fails exceptionally with {@link EngineUnavailableException} when the queue is full or the engine stopped. */
    @Override
    public CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command) {
        requireNonNull(command, "command is null");
        CompletableFuture<CancelAllResult> result = new CompletableFuture<>();
        EngineCommand.CancelAll cancelAll = new EngineCommand.CancelAll(command, result);
        Optional<FailureCode> refused = tryOffer(cancelAll);
        refused.ifPresent(code -> result.completeExceptionally(new EngineUnavailableException(code, message(code))));
        return result;
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
        return positionView.all().stream()
                .filter(p -> includeClosed || p.isOpen())
                .toList();
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
        requireNonNull(account, "account is null");
        AccountPortfolio portfolio = positionView.portfolios().get(account);
        return portfolio != null ? portfolio : new AccountPortfolio(account, PortfolioTotals.EMPTY, List.of());
    }

    @Override
    public RiskLimits limits(AccountId account) {
        return limits.getOrDefault(requireNonNull(account, "account is null"), RiskLimits.defaults());
    }

    @Override
    public CompletableFuture<RiskLimits> replaceLimits(AccountId account, RiskLimits newLimits, String actor) {
        requireNonNull(account, "account is null");
        requireNonNull(newLimits, "newLimits is null");
        requireNonNull(actor, "actor is null");
        CompletableFuture<RiskLimits> result = new CompletableFuture<>();
        tryOffer(new EngineCommand.SetLimits(account, newLimits, actor, result))
                .ifPresent(code -> result.completeExceptionally(new EngineUnavailableException(code, message(code))));
        return result;
    }

    @Override
    public TradingStateChange tradingState(AccountId account) {
        TradingStateChange change = tradingStates.get(requireNonNull(account, "account is null"));
        return change != null
                ? change
                : new TradingStateChange(TradingState.ACTIVE, "never changed", "system", Instant.EPOCH);
    }

    @Override
    public CompletableFuture<TradingStateChange> setTradingState(
            AccountId account, TradingState newState, String reason, String actor) {
        requireNonNull(account, "account is null");
        requireNonNull(newState, "newState is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(actor, "actor is null");
        CompletableFuture<TradingStateChange> result = new CompletableFuture<>();
        tryOffer(new EngineCommand.SetTradingState(account, newState, reason, actor, result))
                .ifPresent(code -> result.completeExceptionally(new EngineUnavailableException(code, message(code))));
        return result;
    }

    @Override
    public void orderUpdated(String broker, BrokerOrder order) {
        put(new EngineCommand.OrderUpdate(
                requireNonNull(broker, "broker is null"), requireNonNull(order, "order is null"), Optional.empty()));
    }

    @Override
    public void tradeReported(String broker, BrokerTrade trade) {
        put(new EngineCommand.TradeReport(
                requireNonNull(broker, "broker is null"), requireNonNull(trade, "trade is null"), Optional.empty()));
    }

    @Override
    public void malformedPayload(String broker, String rawPayload, String problem) {
        put(new EngineCommand.MalformedPayload(
                requireNonNull(broker, "broker is null"),
                requireNonNull(rawPayload, "rawPayload is null"),
                requireNonNull(problem, "problem is null")));
    }

    @Override
    public void streamReconnected(String broker) {
        put(new EngineCommand.StreamReconnected(requireNonNull(broker, "broker is null")));
    }

    /** Applies the broker's view of one order (as {@link #orderUpdated}); completes once durable. */
    public CompletableFuture<Void> applyBrokerSnapshot(String broker, BrokerOrder order) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new EngineCommand.OrderUpdate(broker, order, Optional.of(done)), done);
        return done;
    }

    /** Applies one execution (as {@link #tradeReported}); completes once durable. */
    public CompletableFuture<Void> applyBrokerTrade(String broker, BrokerTrade trade) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new EngineCommand.TradeReport(broker, trade, Optional.of(done)), done);
        return done;
    }

    /**
     * Requests the cancel at the broker of every open order whose expiry has come; each is recorded
     * {@code EXPIRED} when the broker confirms the cancel. Completes with their ids once durable.
     */
    public CompletableFuture<List<ClientOrderId>> expireDue() {
        CompletableFuture<List<ClientOrderId>> result = new CompletableFuture<>();
        put(new EngineCommand.ExpireDue(result), result);
        return result;
    }

    /**
     * Resolves an unknown outcome with the evidence the resolver found: the broker's view of the
     * order, or empty when it proved the order absent. A submit proved absent becomes {@code ERROR}
     * (never placed); a cancel or modify the broker's view shows not in effect is recorded as refused.
     * The grace window and repeated misses are the resolver's to enforce before it passes empty.
     */
    public CompletableFuture<OrderCommandResult> resolveUnknown(ClientOrderId orderId, Optional<BrokerOrder> atBroker) {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(atBroker, "atBroker is null");
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        put(new EngineCommand.ResolveUnknown(orderId, atBroker, result), result);
        return result;
    }

    /**
     * Closes an open order the broker does not know (the caller holds the evidence: repeated lookups
     * over a grace window, or an admin's approval): {@code CANCELLED} when its cancel was asked for,
     * else {@code ERROR} with {@code reason}; it then no longer counts as open. Writes one finding
     * {@code ORDER_MISSING_AT_BROKER} and one log line. An order already closed is answered as it
     * is; nothing is sent to the broker.
     */
    public CompletableFuture<OrderCommandResult> closeNotKnownAtBroker(ClientOrderId orderId, String reason) {
        requireNonNull(orderId, "orderId is null");
        requireNonNull(reason, "reason is null");
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        put(new EngineCommand.CloseNotKnownAtBroker(orderId, reason, result), result);
        return result;
    }

    /** Rolls the day's P&amp;L baselines at session starts and enters held orders that may go now. */
    public CompletableFuture<Void> timerTick() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        put(new EngineCommand.TimerTick(done), done);
        return done;
    }

    /** Marks open positions in the instrument (marks are not journalled). */
    public void markPrice(InstrumentId instrument, Price price) {
        put(new EngineCommand.MarkPrice(
                requireNonNull(instrument, "instrument is null"), requireNonNull(price, "price is null")));
    }

    /** The engine's orders and positions after every command queued before this call. */
    public CompletableFuture<EngineSnapshot> snapshot() {
        CompletableFuture<EngineSnapshot> result = new CompletableFuture<>();
        put(new EngineCommand.ReadSnapshot(result), result);
        return result;
    }

    /**
     * The account's P&amp;L of the trading day and its peak, as of the engine's last observation (before
     * every fill and mark, and on every {@link #timerTick}); run a tick first for a reading as of now.
     * Empty before the account's first observation. Never blocks the engine.
     */
    public Optional<DayPnl> dayPnl(AccountId account) {
        return dailyPnl.reading(account);
    }

    /** Commands waiting in the queue at this moment (not the batch being applied); for metrics, from any thread. */
    /**
     * Whether the engine thread is taking commands: false before {@link #start()}, once stopping, and
     * after the thread died of an unexpected failure (the log says which).
     */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    public int queueDepth() {
        return queue.size() + brokerQueue.size();
    }

    /** Broker calls handed to the dispatch executor and not yet answered; for metrics, from any thread. */
    public int brokerCallsInFlight() {
        return brokerCallsInFlight.get();
    }

    private void offer(EngineCommand command, CompletableFuture<OrderCommandResult> result) {
        tryOffer(command).ifPresent(code -> result.complete(failed(code, message(code))));
    }

    private Optional<FailureCode> tryOffer(EngineCommand command) {
        if (state != State.RUNNING) {
            return Optional.of(FailureCode.ENGINE_STOPPED);
        }
        boolean newRisk = command instanceof EngineCommand.Submit || command instanceof EngineCommand.Modify;
        // The backlog is what waits for the engine plus what waits for the broker (accepted orders
        // whose place call is unanswered are open and cost every submit). Only new risk is turned
        // away at queueCapacity: cancels, limits and the kill switch use the reserve above it.
        if ((newRisk && queue.size() + brokerCallsInFlight.get() >= config.queueCapacity()) || !queue.offer(command)) {
            return Optional.of(FailureCode.ENGINE_BUSY);
        }
        wakeUp.release();
        if (state == State.STOPPED && queue.remove(command)) {
            return Optional.of(FailureCode.ENGINE_STOPPED);
        }
        return Optional.empty();
    }

    private static String message(FailureCode code) {
        return switch (code) {
            case ENGINE_BUSY -> "the engine's command queue is full: retry shortly";
            case ENGINE_STOPPED -> "the engine is stopping or stopped";
            default -> code.name();
        };
    }

    /** Enqueues, waiting for room: broker updates and monitor commands are never dropped. */
    private void put(EngineCommand command) {
        put(command, null);
    }

    private void put(EngineCommand command, CompletableFuture<?> failOnStop) {
        requireNonNull(command, "command is null");
        if (state == State.NEW || state == State.STOPPED) {
            LOG.warn("engine is not running; dropped {}", command);
            if (failOnStop != null) {
                failOnStop.completeExceptionally(new EngineUnavailableException(
                        FailureCode.ENGINE_STOPPED, message(FailureCode.ENGINE_STOPPED)));
            }
            return;
        }
        if (Thread.currentThread() == engineThread) {
            internal.add(command);
            return;
        }
        try {
            (fromBroker(command) ? brokerQueue : queue).put(command);
            wakeUp.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while waiting for room in the engine queue; dropped {}", command);
            if (failOnStop != null) {
                failOnStop.completeExceptionally(e);
            }
        }
    }

    /** Broker answers: from the engine thread itself (a request never queued) or from a dispatch thread. */
    private void enqueueInternal(EngineCommand command) {
        if (Thread.currentThread() == engineThread) {
            internal.add(command);
            return;
        }
        try {
            brokerQueue.put(command);
            wakeUp.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while handing a broker answer to the engine; lost {}", command);
        }
    }

    /** What a broker tells us: applied before callers' commands, so accepted work completes first. */
    private static boolean fromBroker(EngineCommand command) {
        return command instanceof EngineCommand.OrderUpdate
                || command instanceof EngineCommand.TradeReport
                || command instanceof EngineCommand.MalformedPayload
                || command instanceof EngineCommand.StreamReconnected
                || command instanceof EngineCommand.BrokerReply;
    }

    private void runLoop() {
        List<EngineCommand> group = List.of();
        try {
            while (true) {
                if (state == State.STOPPING && (forceStop || (brokerCallsInFlight.get() == 0 && idle()))) {
                    break;
                }
                // Drained before looking, so a permit released after the look wakes the wait below at once
                // (and permits never pile up under load).
                wakeUp.drainPermits();
                group = new ArrayList<>();
                while (!internal.isEmpty() && group.size() < config.maxCommandsPerBatch()) {
                    group.add(internal.poll());
                }
                // Broker answers first: under overload they complete (and close) accepted orders rather
                // than wait behind new submits, so the open orders, and with them each submit's cost,
                // stay small.
                brokerQueue.drainTo(group, config.maxCommandsPerBatch() - group.size());
                queue.drainTo(group, config.maxCommandsPerBatch() - group.size());
                if (group.isEmpty()) {
                    if (idle()) {
                        wakeUp.tryAcquire(20, TimeUnit.MILLISECONDS);
                    }
                    continue;
                }
                processGroup(group);
                enterHeldOrders();
            }
        } catch (InterruptedException e) {
            LOG.error("engine thread interrupted; stopping", e);
        } catch (RuntimeException | Error e) {
            LOG.error("engine thread failed; stopping", e);
            // Their callers would otherwise wait forever; what was journalled or sent is not known here.
            for (EngineCommand command : group) {
                refuse(
                        command,
                        FailureCode.ENGINE_STOPPED,
                        "the engine thread failed while handling this request, so its outcome is unknown: look the"
                                + " order up (by its client order id) before repeating it");
            }
        } finally {
            state = State.STOPPED;
            refuseRemaining();
            loopDone.countDown();
        }
    }

    private boolean idle() {
        return queue.isEmpty() && brokerQueue.isEmpty() && internal.isEmpty();
    }

    private void refuseRemaining() {
        List<EngineCommand> remaining = new ArrayList<>(internal);
        internal.clear();
        brokerQueue.drainTo(remaining);
        queue.drainTo(remaining);
        for (EngineCommand.Submit submit : held) {
            submit.result().complete(failed(FailureCode.ENGINE_STOPPED, "the engine stopped while the order was held"));
        }
        held.clear();
        for (EngineCommand command : remaining) {
            refuse(command, FailureCode.ENGINE_STOPPED, message(FailureCode.ENGINE_STOPPED));
        }
    }

    private void enterHeldOrders() {
        if (held.isEmpty()) {
            return;
        }
        List<EngineCommand> ready = new ArrayList<>();
        for (Iterator<EngineCommand.Submit> it = held.iterator(); it.hasNext(); ) {
            EngineCommand.Submit submit = it.next();
            OrderRequest request = submit.command().request();
            if (unknownSubmit(request.account(), request.instrument()).isEmpty()) {
                it.remove();
                ready.add(submit);
            }
        }
        if (!ready.isEmpty()) {
            processGroup(ready);
        }
    }

    private void processGroup(List<EngineCommand> group) {
        if (needsRestore && !tryRestore()) {
            group.forEach(c -> refuse(
                    c, FailureCode.JOURNAL_UNAVAILABLE, "the journal is unavailable and the stores cannot be read"));
            return;
        }
        Unit batch = new Unit();
        for (EngineCommand command : group) {
            Unit unit = new Unit();
            try {
                handle(command, unit, clock.instant());
                batch.merge(unit);
            } catch (RuntimeException bug) {
                LOG.error("command {} failed; its changes are discarded", command, bug);
                commit(batch);
                batch = new Unit();
                needsRestore = true;
                tryRestore();
                refuse(command, FailureCode.INTERNAL_ERROR, "the command failed and nothing was stored: " + bug);
            }
        }
        commit(batch);
    }

    /**
     * Appends the unit's batch and waits for it; then releases its effects, or, when the append
     * failed, fails its callers and rebuilds memory from the stores. True when durable.
     */
    private boolean commit(Unit unit) {
        if (unit.needsJournal()) {
            Throwable failure = null;
            try {
                journal.append(unit.batch()).get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure != null) {
                LOG.error("journal append failed; the batch's commands fail and memory is rebuilt", failure);
                String message = "the journal could not make the command durable, nothing was done: "
                        + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
                needsRestore = true;
                tryRestore();
                for (Consumer<String> action : unit.failureActions()) {
                    runSafely(() -> action.accept(message));
                }
                return false;
            }
        }
        if (!unit.positionAccounts().isEmpty()) {
            refreshPositionView(unit.positionAccounts());
        }
        // Published before callers learn of the outcome, so a caller that saw it finds the events sent.
        List<OmsEvent> events = unit.published();
        if (!events.isEmpty()) {
            runSafely(() -> publisher.publish(events));
        }
        for (Runnable action : unit.afterCommitActions()) {
            runSafely(action);
        }
        return true;
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("releasing a side effect failed", e);
        }
    }

    private boolean tryRestore() {
        try {
            restoreFromStores();
            needsRestore = false;
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "cannot read the stores to rebuild the engine's state; commands are refused until they can be read",
                    e);
            return false;
        }
    }

    private void restoreFromStores() {
        OrderManager restoredOrders = new OrderManager();
        for (Order order : orderStore.findOpenOrders()) {
            restoredOrders.restore(order);
        }
        List<Position> stored = positionStore.findPositions(true);
        PositionManager restoredPositions = new PositionManager();
        Map<AccountId, AccountingMethod> methods = new HashMap<>();
        config.accounts().forEach((account, settings) -> methods.put(account, settings.accountingMethod()));
        for (Position position : stored) {
            if (position.isOpen()) {
                AccountingMethod configured = methods.get(position.key().account());
                if (configured != null && configured != position.method()) {
                    LOG.warn(
                            "account {} holds {} under {} but is configured for {}; keeping {} until it is flat",
                            position.key().account(),
                            position.key(),
                            position.method(),
                            configured,
                            position.method());
                }
                methods.put(position.key().account(), position.method());
            }
        }
        methods.forEach(restoredPositions::setAccountingMethod);
        for (Position position : stored) {
            restoredPositions.restore(position);
        }
        Map<AccountId, RiskLimits> storedLimits = riskLimitStore.allLimits();
        Map<AccountId, TradingStateChange> storedStates = riskLimitStore.allTradingStates();
        orders = restoredOrders;
        positions = restoredPositions;
        limits.clear();
        limits.putAll(storedLimits);
        tradingStates.clear();
        tradingStates.putAll(storedStates);
        refreshPositionView(null);
    }

    /** Publishes the position snapshot; recomputes the portfolios of {@code accounts}, or of all when null. */
    private void refreshPositionView(Set<AccountId> accounts) {
        List<Position> all = positions.positions(true);
        Map<AccountId, AccountPortfolio> portfolios =
                new HashMap<>(accounts == null ? Map.of() : positionView.portfolios());
        Set<AccountId> toCompute = new HashSet<>();
        if (accounts == null) {
            all.forEach(p -> toCompute.add(p.key().account()));
        } else {
            toCompute.addAll(accounts);
        }
        for (AccountId account : toCompute) {
            portfolios.put(account, positions.portfolio(account));
        }
        positionView = new PositionView(all, Map.copyOf(portfolios));
    }

    private void refuse(EngineCommand command, FailureCode code, String message) {
        if (command instanceof EngineCommand.Submit c) {
            c.result().complete(failed(code, message));
        } else if (command instanceof EngineCommand.Modify c) {
            c.result().complete(failed(code, message));
        } else if (command instanceof EngineCommand.Cancel c) {
            c.result().complete(failed(code, message));
        } else if (command instanceof EngineCommand.ResolveUnknown c) {
            c.result().complete(failed(code, message));
        } else if (command instanceof EngineCommand.CloseNotKnownAtBroker c) {
            c.result().complete(failed(code, message));
        } else if (command instanceof EngineCommand.CancelAll c) {
            c.result().completeExceptionally(new EngineUnavailableException(code, message));
        } else if (command instanceof EngineCommand.SetLimits c) {
            c.result().completeExceptionally(new EngineUnavailableException(code, message));
        } else if (command instanceof EngineCommand.SetTradingState c) {
            c.result().completeExceptionally(new EngineUnavailableException(code, message));
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

    private void handle(EngineCommand command, Unit unit, Instant now) {
        if (command instanceof EngineCommand.Submit c) {
            handleSubmit(c, unit, now);
        } else if (command instanceof EngineCommand.Modify c) {
            handleModify(c, unit, now);
        } else if (command instanceof EngineCommand.Cancel c) {
            handleCancel(c, unit, now);
        } else if (command instanceof EngineCommand.CancelAll c) {
            handleCancelAll(c, unit, now);
        } else if (command instanceof EngineCommand.BrokerReply c) {
            handleBrokerReply(c, unit, now);
        } else if (command instanceof EngineCommand.OrderUpdate c) {
            handleOrderUpdate(c, unit, now);
        } else if (command instanceof EngineCommand.TradeReport c) {
            handleTrade(c, unit, now);
        } else if (command instanceof EngineCommand.MalformedPayload c) {
            handleMalformedPayload(c, unit, now);
        } else if (command instanceof EngineCommand.StreamReconnected c) {
            router.broker(c.broker())
                    .ifPresentOrElse(
                            gateway -> unit.afterCommit(() -> dispatcher.resync(gateway)),
                            () -> LOG.warn("stream of unknown broker {} reconnected", c.broker()));
        } else if (command instanceof EngineCommand.SetLimits c) {
            riskLimitStore.saveLimits(c.account(), c.limits());
            limits.put(c.account(), c.limits());
            LOG.info("risk limits of account {} replaced by {}", c.account(), c.actor());
            unit.complete(c.result(), c.limits());
            unit.onFailure(message -> c.result().complete(c.limits()));
        } else if (command instanceof EngineCommand.SetTradingState c) {
            TradingStateChange change = new TradingStateChange(c.state(), c.reason(), c.actor(), now);
            riskLimitStore.saveTradingState(c.account(), change);
            tradingStates.put(c.account(), change);
            LOG.info("trading state of account {} set to {} by {}: {}", c.account(), c.state(), c.actor(), c.reason());
            unit.publish(new OmsEvent.TradingStateChanged(c.account(), change));
            unit.complete(c.result(), change);
            unit.onFailure(message -> c.result().complete(change));
        } else if (command instanceof EngineCommand.MarkPrice c) {
            for (Position position : positions.openPositions()) {
                if (position.key().instrument().equals(c.instrument())) {
                    observeDailyPnl(position.key().account(), now);
                    unit.marked(position.key().account());
                }
            }
            positions.mark(c.instrument(), c.price(), now);
        } else if (command instanceof EngineCommand.TimerTick c) {
            Set<AccountId> accounts = new HashSet<>(config.accounts().keySet());
            positions.openPositions().forEach(p -> accounts.add(p.key().account()));
            accounts.forEach(account -> observeDailyPnl(account, now));
            unit.complete(c.done(), null);
            unit.onFailure(message -> c.done().complete(null));
        } else if (command instanceof EngineCommand.ReadSnapshot c) {
            // Taken once the batch is settled: after a failed append, from the rebuilt state.
            unit.afterCommit(() -> c.result().complete(snapshotNow()));
            unit.onFailure(message -> c.result().complete(snapshotNow()));
        } else if (command instanceof EngineCommand.ExpireDue c) {
            handleExpireDue(c, unit, now);
        } else if (command instanceof EngineCommand.ResolveUnknown c) {
            handleResolveUnknown(c, unit, now);
        } else if (command instanceof EngineCommand.CloseNotKnownAtBroker c) {
            handleCloseNotKnown(c, unit, now);
        } else {
            throw new IllegalStateException("unknown command " + command);
        }
    }

    private void handleSubmit(EngineCommand.Submit command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        OrderRequest request = command.command().request();
        Optional<ClientOrderId> requestedId = command.command().clientOrderId();
        if (requestedId.isPresent()) {
            Optional<Order> existing = orders.find(requestedId.get()).or(() -> orderStore.findById(requestedId.get()));
            if (existing.isPresent()) {
                unit.complete(result, resultOf(existing.get()));
                unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
                return;
            }
        }
        if (config.account(request.account()).isEmpty()) {
            result.complete(failed(
                    FailureCode.VALIDATION_INVALID_REQUEST,
                    "account: " + request.account() + " is not configured in the engine"));
            return;
        }
        Optional<BrokerGateway> gateway = router.brokerFor(request.account());
        if (gateway.isEmpty()) {
            result.complete(
                    failed(FailureCode.BROKER_NOT_ROUTABLE, "no broker is bound to account " + request.account()));
            return;
        }
        Optional<Order> unknown = unknownSubmit(request.account(), request.instrument());
        if (unknown.isPresent()) {
            if (config.unknownOutcomePolicy() == UnknownOutcomePolicy.HOLD) {
                held.add(command);
                return;
            }
            UnknownOutcome outcome = unknown.get().outcomeUnknown().orElseThrow();
            result.complete(failed(
                    FailureCode.BROKER_OUTCOME_UNKNOWN_HOLD,
                    "order " + unknown.get().id() + " of account " + request.account() + " in "
                            + request.instrument() + " has an unknown submit outcome since " + outcome.since()
                            + " (" + outcome.reason() + "); new orders for this account and instrument are refused"
                            + " until it is resolved"));
            return;
        }
        ClientOrderId id = requestedId.orElseGet(ids::nextOrderId);
        List<OrderEvent> created;
        try {
            created = orders.create(id, request, instruments.find(request.instrument()), now);
        } catch (InvalidOrderRequestException e) {
            result.complete(failed(FailureCode.VALIDATION_INVALID_REQUEST, e.getMessage()));
            return;
        } catch (DuplicateOrderException e) {
            unit.complete(result, resultOf(orders.get(id)));
            unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
            return;
        }
        record(unit, created);
        EngineRiskContext context = riskContext(now);
        RiskDecision decision = validate(request, context);
        if (decision.rejected()) {
            record(
                    unit,
                    orders.rejectByRisk(
                            id,
                            decision.rejectedBy().orElseThrow(),
                            decision.reason().orElse("refused"),
                            now));
            unit.complete(result, new OrderCommandResult.Rejected(orders.get(id)));
            unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
            return;
        }
        RequestPriority priority = PositionEffect.of(request, context).shrinksWithoutFlipping()
                ? RequestPriority.REDUCING
                : RequestPriority.NORMAL;
        record(unit, orders.release(id, now));
        Order released = orders.get(id);
        unit.complete(result, new OrderCommandResult.Accepted(released));
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
        unit.afterCommit(() -> {
            placeInFlight.add(id);
            dispatcher.place(gateway.get(), released, priority);
        });
    }

    private RiskDecision validate(OrderRequest request, EngineRiskContext context) {
        return riskChecks.newOrder(request, context);
    }

    private Optional<Order> unknownSubmit(AccountId account, InstrumentId instrument) {
        for (Order order : orders.openOrders()) {
            if (order.account().equals(account)
                    && order.instrument().equals(instrument)
                    && order.outcomeUnknown()
                            .filter(u -> u.operation() == UnknownOperation.SUBMIT)
                            .isPresent()) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }

    private void handleModify(EngineCommand.Modify command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.command().orderId();
        OrderModification modification = command.command().modification();
        Optional<Order> found = orders.find(id);
        if (found.isEmpty()) {
            Optional<Order> stored = orderStore.findById(id);
            result.complete(
                    stored.isPresent()
                            ? failed(
                                    FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE,
                                    "order " + id + " is " + stored.get().status())
                            : failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + id));
            return;
        }
        Order order = found.get();
        if (order.modificationCount() >= config.modificationBudgetPerOrder()) {
            result.complete(failed(
                    FailureCode.BROKER_MODIFICATION_BUDGET_SPENT,
                    "order " + id + " has used " + order.modificationCount() + " of the "
                            + config.modificationBudgetPerOrder() + " modifications the broker allows per order"));
            return;
        }
        if (order.brokerOrderId().isEmpty()) {
            result.complete(failed(
                    FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE,
                    "order " + id + " is not yet acknowledged by the broker"));
            return;
        }
        Optional<BrokerGateway> gateway = router.brokerFor(order.account());
        if (gateway.isEmpty()) {
            result.complete(
                    failed(FailureCode.BROKER_NOT_ROUTABLE, "no broker is bound to account " + order.account()));
            return;
        }
        Optional<OrderCommandResult> refusal =
                modificationScreen.refusal(orders, order, modification, () -> riskContext(now), now);
        if (refusal.isPresent()) {
            result.complete(refusal.get());
            return;
        }
        try {
            record(unit, orders.requestModify(id, modification, now));
        } catch (OrderNotModifiableException e) {
            result.complete(failed(FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE, e.getMessage()));
            return;
        }
        Order pending = orders.get(id);
        unit.complete(result, new OrderCommandResult.Accepted(pending));
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
        unit.afterCommit(() -> dispatcher.modify(gateway.get(), pending, modification));
    }

    private void handleCancel(EngineCommand.Cancel command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.command().orderId();
        Optional<Order> found = orders.find(id);
        if (found.isEmpty()) {
            Optional<Order> stored = orderStore.findById(id);
            result.complete(
                    stored.isPresent()
                            ? failed(
                                    FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE,
                                    "order " + id + " is " + stored.get().status())
                            : failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + id));
            return;
        }
        Optional<String> refusal = requestCancel(found.get(), unit, now, false);
        if (refusal.isPresent()) {
            result.complete(failed(FailureCode.VALIDATION_ORDER_NOT_CANCELLABLE, refusal.get()));
            return;
        }
        unit.complete(result, new OrderCommandResult.Accepted(orders.get(id)));
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
    }

    /** Requests the cancel and schedules the broker call; the refusal reason when it cannot be cancelled. */
    private Optional<String> requestCancel(Order order, Unit unit, Instant now, boolean expire) {
        ClientOrderId id = order.id();
        Optional<BrokerGateway> gateway = router.brokerFor(order.account());
        if (gateway.isEmpty() && order.status() != OrderStatus.CREATED) {
            return Optional.of("no broker is bound to account " + order.account());
        }
        try {
            record(unit, orders.requestCancel(id, now));
        } catch (OrderNotCancellableException e) {
            return Optional.of(e.getMessage());
        }
        Order after = orders.get(id);
        if (after.status() != OrderStatus.PENDING_CANCEL) {
            return Optional.empty(); // never sent: cancelled at once
        }
        unit.afterCommit(() -> {
            if (expire) {
                expiring.add(id);
            }
            Order current = orders.find(id).orElse(after);
            if (current.status() != OrderStatus.PENDING_CANCEL) {
                return;
            }
            if (current.brokerOrderId().isEmpty()) {
                // The broker cannot cancel what it has not acknowledged: send the cancel with the ack.
                cancelWhenAcknowledged.add(id);
            } else {
                dispatcher.cancel(gateway.get(), current);
            }
        });
        return Optional.empty();
    }

    private void handleCancelAll(EngineCommand.CancelAll command, Unit unit, Instant now) {
        CancelAllOrders filter = command.command();
        List<ClientOrderId> requested = new ArrayList<>();
        Map<ClientOrderId, String> refused = new LinkedHashMap<>();
        for (Order order : orders.openOrders()) {
            if (filter.account().filter(a -> !a.equals(order.account())).isPresent()
                    || filter.strategy()
                            .filter(s -> !s.equals(order.strategy()))
                            .isPresent()
                    || filter.instrument()
                            .filter(i -> !i.equals(order.instrument()))
                            .isPresent()) {
                continue;
            }
            requestCancel(order, unit, now, false)
                    .ifPresentOrElse(reason -> refused.put(order.id(), reason), () -> requested.add(order.id()));
        }
        CompletableFuture<CancelAllResult> result = command.result();
        unit.complete(result, new CancelAllResult(requested, refused));
        unit.onFailure(message -> result.completeExceptionally(new JournalException(message)));
    }

    private void handleExpireDue(EngineCommand.ExpireDue command, Unit unit, Instant now) {
        List<ClientOrderId> expired = new ArrayList<>();
        for (Order order : orders.dueForExpiry(now)) {
            if (requestCancel(order, unit, now, true).isEmpty()) {
                expired.add(order.id());
            }
        }
        unit.complete(command.result(), List.copyOf(expired));
        unit.onFailure(message -> command.result().completeExceptionally(new JournalException(message)));
    }

    private void handleBrokerReply(EngineCommand.BrokerReply reply, Unit unit, Instant now) {
        ClientOrderId id = reply.orderId();
        if (reply.operation() == BrokerOperation.PLACE) {
            placeInFlight.remove(id);
        }
        Optional<Order> found = locate(id);
        if (found.isEmpty()) {
            LOG.error("broker answer for unknown order {}: {}", id, reply);
            return;
        }
        if (reply.notSent().isPresent()) {
            String reason = "not sent to the broker: " + reply.notSent().get();
            switch (reply.operation()) {
                case PLACE -> {
                    cancelWhenAcknowledged.remove(id);
                    tryRecord(unit, () -> orders.reject(id, Rejection.bySystem(reason), now));
                }
                case MODIFY -> tryRecord(unit, () -> orders.rejectModify(id, reason, now));
                case CANCEL -> {
                    expiring.remove(id);
                    tryRecord(unit, () -> orders.rejectCancel(id, reason, now));
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
        if (result instanceof BrokerResult.Success<BrokerOrderId> success) {
            tryRecord(unit, () -> orders.markSubmitted(id, now));
            tryRecord(unit, () -> orders.accept(id, success.value(), now));
        } else if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            cancelWhenAcknowledged.remove(id);
            tryRecord(unit, () -> orders.rejectByBroker(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            tryRecord(unit, () -> orders.markSubmitted(id, now));
            Order order = orders.get(id);
            if (!order.isTerminal()
                    && order.brokerOrderId().isEmpty()
                    && order.fills().isEmpty()) {
                tryRecord(unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.SUBMIT, unknown.reason(), now));
                unit.publish(new OmsEvent.Alert(
                        "engine",
                        "order " + id + ": the submit's outcome is unknown (" + unknown.reason()
                                + "); it will not be resent until the broker is searched for it",
                        Optional.empty()));
            }
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            cancelWhenAcknowledged.remove(id);
            tryRecord(
                    unit,
                    () -> orders.rejectByBroker(
                            id,
                            "rate-limited by the broker beyond the allowed wait of " + config.rateLimitMaxWait() + ": "
                                    + limited.reason(),
                            now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            cancelWhenAcknowledged.remove(id);
            tryRecord(unit, () -> orders.rejectByBroker(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private void modifyAnswered(ClientOrderId id, BrokerResult<BrokerOrderId> result, Unit unit, Instant now) {
        // The gateway's contract: Success means the broker took the modification.
        if (result instanceof BrokerResult.Success<BrokerOrderId>) {
            tryRecord(unit, () -> orders.confirmModify(id, now));
        } else if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            tryRecord(unit, () -> orders.rejectModify(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            tryRecord(unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.MODIFY, unknown.reason(), now));
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            tryRecord(unit, () -> orders.rejectModify(id, "rate-limited by the broker: " + limited.reason(), now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            tryRecord(unit, () -> orders.rejectModify(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private void cancelAnswered(ClientOrderId id, BrokerResult<BrokerOrderId> result, Unit unit, Instant now) {
        // The gateway's contract: Success means the broker took the cancel. A fill that raced it is
        // still recorded when reported (a late fill on a cancelled order counts).
        if (result instanceof BrokerResult.Success<BrokerOrderId>) {
            boolean expire = expiring.remove(id);
            tryRecord(unit, () -> expire ? orders.expire(id, now) : orders.confirmCancel(id, now));
            return;
        }
        expiring.remove(id);
        if (result instanceof BrokerResult.Rejected<BrokerOrderId> rejected) {
            tryRecord(unit, () -> orders.rejectCancel(id, rejected.reason(), now));
        } else if (result instanceof BrokerResult.OutcomeUnknown<BrokerOrderId> unknown) {
            tryRecord(unit, () -> orders.recordOutcomeUnknown(id, UnknownOperation.CANCEL, unknown.reason(), now));
        } else if (result instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
            tryRecord(unit, () -> orders.rejectCancel(id, "rate-limited by the broker: " + limited.reason(), now));
        } else if (result instanceof BrokerResult.SessionExpired<BrokerOrderId> expired) {
            tryRecord(unit, () -> orders.rejectCancel(id, "broker session expired: " + expired.reason(), now));
            unit.publish(sessionExpiredAlert(expired.reason()));
        }
    }

    private static OmsEvent.Alert sessionExpiredAlert(String reason) {
        return new OmsEvent.Alert("broker", "broker session expired: " + reason + "; log in again", Optional.empty());
    }

    private void handleOrderUpdate(EngineCommand.OrderUpdate update, Unit unit, Instant now) {
        BrokerOrder atBroker = update.order();
        Optional<Order> ours = locateByBrokerId(atBroker.brokerOrderId())
                .or(() -> atBroker.clientOrderId().flatMap(this::locate));
        if (ours.isPresent()) {
            applyBrokerOrder(ours.get(), atBroker, unit, now);
        } else {
            adopt(update.broker(), atBroker, unit, now);
        }
        update.done().ifPresent(done -> {
            unit.complete(done, null);
            unit.onFailure(message -> done.completeExceptionally(new JournalException(message)));
        });
    }

    /** Applies the broker's view of one of our orders; stale views the transition table refuses are ignored. */
    private void applyBrokerOrder(Order order, BrokerOrder atBroker, Unit unit, Instant now) {
        ClientOrderId id = order.id();
        if (order.brokerOrderId().isEmpty() && atBroker.status() != OrderStatus.REJECTED) {
            tryRecord(unit, () -> orders.accept(id, atBroker.brokerOrderId(), now));
        }
        Order current = orders.get(id);
        switch (atBroker.status()) {
            case CANCELLED -> {
                if (!current.isTerminal()) {
                    boolean expire = expiring.remove(id);
                    tryRecord(unit, () -> expire ? orders.expire(id, now) : orders.confirmCancel(id, now));
                }
            }
            case EXPIRED -> {
                if (!current.isTerminal()) {
                    tryRecord(unit, () -> orders.expire(id, now));
                }
            }
            case REJECTED -> {
                if (!current.isTerminal() && current.fills().isEmpty()) {
                    String reason = atBroker.statusMessage().orElse(atBroker.brokerStatus());
                    tryRecord(unit, () -> orders.rejectByBroker(id, reason.isBlank() ? "rejected" : reason, now));
                }
            }
            default -> {
                if (atBroker.filledQuantity().isGreaterThan(current.filledQuantity())) {
                    LOG.debug(
                            "broker shows {} filled of order {}, we hold {}: waiting for the trades",
                            atBroker.filledQuantity(),
                            id,
                            current.filledQuantity());
                }
            }
        }
        Order after = orders.get(id);
        if (after.pendingModification().filter(m -> takenEffect(m, atBroker)).isPresent()) {
            tryRecord(unit, () -> orders.confirmModify(id, now));
        }
    }

    private static boolean takenEffect(OrderModification modification, BrokerOrder atBroker) {
        return modification
                        .quantity()
                        .map(q -> q.compareTo(atBroker.quantity()) == 0)
                        .orElse(true)
                && modification
                        .limitPrice()
                        .map(p -> atBroker.limitPrice().filter(p::equals).isPresent())
                        .orElse(true)
                && modification
                        .triggerPrice()
                        .map(p -> atBroker.triggerPrice().filter(p::equals).isPresent())
                        .orElse(true);
    }

    /**
     * Adopts an order found at the broker that we do not know — carrying our tag (lost by us, e.g.
     * after an unknown submit and a restart) or none (placed outside OpenOMS) — as an order of strategy
     * {@code external} in the account bound to that broker, so its fills reach positions. How it was
     * adopted is written to the reconciliation log.
     */
    private void adopt(String broker, BrokerOrder atBroker, Unit unit, Instant now) {
        FindingKind kind = atBroker.clientOrderId().isPresent() ? FindingKind.UNKNOWN_ORDER : FindingKind.FOREIGN_ORDER;
        Optional<AccountId> account = accountFor(broker);
        String actual = describe(atBroker);
        if (account.isEmpty()) {
            finding(
                    unit,
                    UNKNOWN_ACCOUNT,
                    kind,
                    atBroker,
                    actual,
                    "not adopted: no account is bound to broker " + broker,
                    now);
            return;
        }
        if (atBroker.status() == OrderStatus.REJECTED) {
            finding(unit, account.get(), kind, atBroker, actual, "not adopted: rejected at the broker", now);
            return;
        }
        ClientOrderId id = atBroker.clientOrderId().orElseGet(ids::nextOrderId);
        OrderRequest request;
        try {
            OrderRequest.Builder builder = OrderRequest.builder()
                    .account(account.get())
                    .strategy(EXTERNAL_STRATEGY)
                    .instrument(atBroker.instrument())
                    .side(atBroker.side())
                    .type(atBroker.type())
                    .quantity(atBroker.quantity())
                    .timeInForce(TimeInForce.GTC)
                    .product(atBroker.product());
            if (atBroker.type().requiresLimitPrice()) {
                atBroker.limitPrice().ifPresent(builder::limitPrice);
            }
            if (atBroker.type().requiresTriggerPrice()) {
                atBroker.triggerPrice().ifPresent(builder::triggerPrice);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            finding(unit, account.get(), kind, atBroker, actual, "not adopted: " + e.getMessage(), now);
            return;
        }
        record(unit, orders.create(id, request, Optional.empty(), now));
        record(unit, orders.release(id, now));
        record(unit, orders.markSubmitted(id, now));
        applyBrokerOrder(orders.get(id), atBroker, unit, now);
        finding(
                unit,
                account.get(),
                kind,
                atBroker,
                actual,
                "adopted as external order " + id + " of strategy " + EXTERNAL_STRATEGY,
                now);
    }

    private Optional<AccountId> accountFor(String broker) {
        return config.accounts().entrySet().stream()
                .filter(e -> e.getValue().broker().equals(broker))
                .map(Map.Entry::getKey)
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .findFirst();
    }

    private static String describe(BrokerOrder o) {
        return o.side() + " " + o.quantity() + " " + o.instrument() + " " + o.type() + " " + o.product() + ", filled "
                + o.filledQuantity() + ", status " + o.brokerStatus()
                + o.tag().map(t -> ", tag " + t).orElse("");
    }

    private void finding(
            Unit unit,
            AccountId account,
            FindingKind kind,
            BrokerOrder atBroker,
            String actual,
            String action,
            Instant now) {
        ReconciliationFinding finding = new ReconciliationFinding(
                "engine",
                account,
                kind,
                "broker order " + atBroker.brokerOrderId(),
                "no such order",
                actual,
                action,
                now);
        LOG.info("{} {}: {}", kind, atBroker.brokerOrderId(), action);
        unit.afterCommit(() -> writeFinding(finding));
        unit.publish(new OmsEvent.ReconciliationFound(finding));
    }

    private void writeFinding(ReconciliationFinding finding) {
        try {
            reconciliationLog.append(List.of(finding));
        } catch (RuntimeException e) {
            LOG.error("could not write to the reconciliation log: {}", finding, e);
        }
    }

    private void handleTrade(EngineCommand.TradeReport report, Unit unit, Instant now) {
        BrokerTrade trade = report.trade();
        Optional<Order> ours = locateByBrokerId(trade.brokerOrderId());
        if (ours.isPresent()) {
            applyFill(unit, ours.get(), trade, now);
        } else {
            // A fill before the acknowledgement: kept until the order with this broker id is known.
            park(trade);
        }
        report.done().ifPresent(done -> {
            unit.complete(done, null);
            unit.onFailure(message -> done.completeExceptionally(new JournalException(message)));
        });
    }

    private void park(BrokerTrade trade) {
        int parked = parkedTrades.values().stream().mapToInt(List::size).sum();
        if (parked >= MAX_PARKED_TRADES) {
            BrokerOrderId oldest = parkedTrades.keySet().iterator().next();
            LOG.error(
                    "too many trades for unknown orders; dropping those of {} (reconciliation will find them)", oldest);
            parkedTrades.remove(oldest);
        }
        LOG.info(
                "trade {} for unknown broker order {} kept until the order is known",
                trade.fill().tradeId(),
                trade.brokerOrderId());
        parkedTrades
                .computeIfAbsent(trade.brokerOrderId(), k -> new ArrayList<>())
                .add(trade);
    }

    private void applyFill(Unit unit, Order order, BrokerTrade trade, Instant now) {
        observeDailyPnl(order.account(), now);
        FillOutcome outcome = orders.applyFill(order.id(), trade.fill(), now);
        if (outcome instanceof FillOutcome.Applied applied) {
            unit.event(applied.event(), applied.order());
            PositionKey key = new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
            PositionUpdate update = positions.apply(key, order.side(), trade.fill());
            if (!update.isDuplicate()) {
                unit.position(update.position(), update.change());
            }
        } else if (outcome instanceof FillOutcome.Duplicate duplicate) {
            LOG.debug("trade {} of order {} already recorded", duplicate.tradeId(), order.id());
        } else if (outcome instanceof FillOutcome.Refused refused) {
            LOG.error("fill refused for order {}: {}", order.id(), refused.reason());
            unit.publish(new OmsEvent.Alert(
                    "engine", "fill refused for order " + order.id() + ": " + refused.reason(), Optional.empty()));
        }
    }

    private void handleMalformedPayload(EngineCommand.MalformedPayload payload, Unit unit, Instant now) {
        String raw = payload.rawPayload();
        int max = config.maxQuarantinedPayloadChars();
        String kept = raw.length() <= max
                ? raw
                : raw.substring(0, max) + "…[truncated, " + raw.length() + " characters in all]";
        ReconciliationFinding finding = new ReconciliationFinding(
                "quarantine",
                accountFor(payload.broker()).orElse(UNKNOWN_ACCOUNT),
                FindingKind.MALFORMED_PAYLOAD,
                "payload from broker " + payload.broker(),
                payload.problem(),
                kept,
                "quarantined, not applied",
                now);
        LOG.warn("malformed payload from broker {} quarantined: {}", payload.broker(), payload.problem());
        unit.afterCommit(() -> writeFinding(finding));
        unit.publish(new OmsEvent.Alert(
                "broker " + payload.broker(),
                "malformed payload quarantined, not applied: " + payload.problem(),
                Optional.of(kept)));
    }

    private void handleResolveUnknown(EngineCommand.ResolveUnknown command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.orderId();
        Optional<Order> found = locateOrNotFound(id, result);
        if (found.isEmpty()) {
            return;
        }
        Optional<UnknownOutcome> unknown = found.get().outcomeUnknown();
        if (unknown.isPresent()) {
            UnknownOperation operation = unknown.get().operation();
            if (command.atBroker().isPresent()) {
                BrokerOrder atBroker = command.atBroker().get();
                applyBrokerOrder(found.get(), atBroker, unit, now);
                boolean live = atBroker.status().isOpen();
                Order after = orders.get(id);
                if (operation == UnknownOperation.CANCEL && live && after.status() == OrderStatus.PENDING_CANCEL) {
                    tryRecord(
                            unit,
                            () -> orders.rejectCancel(
                                    id,
                                    "the cancel did not take effect: the broker shows " + atBroker.brokerStatus(),
                                    now));
                } else if (operation == UnknownOperation.MODIFY
                        && after.pendingModification().isPresent()) {
                    tryRecord(
                            unit,
                            () -> orders.rejectModify(id, "the modification did not take effect at the broker", now));
                }
            } else if (operation == UnknownOperation.SUBMIT) {
                tryRecord(unit, () -> orders.error(id, "not found at the broker: the submit never took effect", now));
            } else {
                LOG.warn(
                        "order {} with an unknown {} is not found at the broker; left for reconciliation",
                        id,
                        operation);
            }
        }
        unit.complete(result, new OrderCommandResult.Accepted(orders.get(id)));
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
    }

    private void handleCloseNotKnown(EngineCommand.CloseNotKnownAtBroker command, Unit unit, Instant now) {
        CompletableFuture<OrderCommandResult> result = command.result();
        ClientOrderId id = command.orderId();
        Optional<Order> found = locateOrNotFound(id, result);
        if (found.isEmpty()) {
            return;
        }
        Order order = found.get();
        if (order.isOpen()) {
            boolean expire = expiring.remove(id);
            cancelWhenAcknowledged.remove(id);
            record(unit, NotKnownAtBroker.close(orders, order, expire, command.reason(), now));
            Order closed = orders.get(id);
            String action = "closed as " + closed.status() + ": " + command.reason();
            LOG.warn(
                    "order {} ({}) is not known to its broker; {}",
                    id,
                    order.brokerOrderId().orElse(null),
                    action);
            ReconciliationFinding finding = new ReconciliationFinding(
                    "engine",
                    order.account(),
                    FindingKind.ORDER_MISSING_AT_BROKER,
                    "order " + id,
                    order.status() + order.brokerOrderId().map(b -> " as " + b).orElse("") + ", filled "
                            + order.filledQuantity() + " of " + order.quantity(),
                    "not known to the broker",
                    action,
                    now);
            unit.afterCommit(() -> writeFinding(finding));
            unit.publish(new OmsEvent.ReconciliationFound(finding));
        }
        unit.complete(result, new OrderCommandResult.Accepted(orders.get(id)));
        unit.onFailure(message -> result.complete(failed(FailureCode.JOURNAL_UNAVAILABLE, message)));
    }

    /** Journals the events of one domain call: the unit records each with the order after it. */
    private void record(Unit unit, List<OrderEvent> events) {
        for (OrderEvent event : events) {
            Order after = orders.get(event.orderId());
            unit.event(event, after);
            if (event instanceof OrderEvent.OrderAccepted accepted) {
                acknowledged(unit, after, accepted.brokerOrderId(), event.occurredAt());
            }
        }
    }

    /** Applies a broker answer; one the transition table refuses is stale and ignored. */
    private void tryRecord(Unit unit, Supplier<List<OrderEvent>> change) {
        try {
            record(unit, change.get());
        } catch (IllegalOrderTransitionException e) {
            LOG.debug("stale broker update ignored: {}", e.getMessage());
        }
    }

    /** The broker acknowledged an order: apply trades that arrived before, send a cancel that waited. */
    private void acknowledged(Unit unit, Order order, BrokerOrderId brokerOrderId, Instant now) {
        List<BrokerTrade> early = parkedTrades.remove(brokerOrderId);
        if (early != null) {
            early.forEach(trade -> applyFill(unit, orders.get(order.id()), trade, now));
        }
        if (cancelWhenAcknowledged.contains(order.id())) {
            unit.afterCommit(() -> {
                if (cancelWhenAcknowledged.remove(order.id())) {
                    Order current = orders.find(order.id()).orElse(order);
                    Optional<BrokerGateway> gateway = router.brokerFor(current.account());
                    if (current.status() == OrderStatus.PENDING_CANCEL && gateway.isPresent()) {
                        dispatcher.cancel(gateway.get(), current);
                    }
                }
            });
        }
    }

    /** The order from memory, or from the store (put back into memory, e.g. a terminal order taking a late fill). */
    private Optional<Order> locate(ClientOrderId id) {
        Optional<Order> inMemory = orders.find(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return orderStore.findById(id).map(orders::restore);
    }

    /** As {@link #locate}; when there is no such order, {@code result} fails with {@code VALIDATION_ORDER_NOT_FOUND}. */
    private Optional<Order> locateOrNotFound(ClientOrderId id, CompletableFuture<OrderCommandResult> result) {
        Optional<Order> found = locate(id);
        if (found.isEmpty()) {
            result.complete(failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + id));
        }
        return found;
    }

    private Optional<Order> locateByBrokerId(BrokerOrderId id) {
        Optional<Order> inMemory = orders.findByBrokerOrderId(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return orderStore.findByBrokerOrderId(id).map(stored -> orders.find(stored.id())
                .orElseGet(() -> orders.restore(stored)));
    }

    private EngineRiskContext riskContext(Instant now) {
        return new EngineRiskContext(
                now,
                orders,
                positions,
                limits,
                tradingStates,
                instruments,
                marketData,
                config,
                account -> observeDailyPnl(account, now));
    }

    private Money observeDailyPnl(AccountId account, Instant now) {
        Optional<AccountSettings> settings = config.account(account);
        if (settings.isEmpty()) {
            return Money.ZERO;
        }
        Money total = EngineRiskContext.totalPnl(positions, marketData, account);
        return dailyPnl.observe(account, settings.get().session(), now, total);
    }

    private EngineSnapshot snapshotNow() {
        return new EngineSnapshot(orders.all(), positions.positions(true));
    }

    private static OrderCommandResult resultOf(Order order) {
        return order.status() == OrderStatus.REJECTED
                ? new OrderCommandResult.Rejected(order)
                : new OrderCommandResult.Accepted(order);
    }

    private static OrderCommandResult failed(FailureCode code, String message) {
        return new OrderCommandResult.Failed(code, message);
    }
}
