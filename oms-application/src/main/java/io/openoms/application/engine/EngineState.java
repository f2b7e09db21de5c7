package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.position.AccountPortfolio;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.position.PortfolioTotals;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine knows: open orders (and terminal ones it touched since start), positions, risk
 * limits, trading states, the day's P&amp;L, and the order workflows waiting on the broker (cancels
 * waiting for an acknowledgement, cancels that are expiries, trades that came before their order,
 * submits held behind an unknown outcome). Rebuilt from the stores by {@link #restore}.
 *
 * <p>Thread safety: engine thread only, except {@link #limits}, {@link #tradingState}, {@link
 * #positions}, {@link #portfolio} and {@link #dayPnl}, which any thread may read.
 */
final class EngineState {
    private static final Logger LOG = LoggerFactory.getLogger(EngineState.class);

    private final OrderStore orderStore;
    private final PositionStore positionStore;
    private final RiskLimitStore riskLimitStore;
    private final InstrumentCatalog instruments;
    private final MarketData marketData;
    private final EngineConfig config;

    private OrderManager orders = new OrderManager();
    private PositionManager positions = new PositionManager();
    private final DailyPnl dailyPnl = new DailyPnl();
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

    EngineState(
            OrderStore orderStore,
            PositionStore positionStore,
            RiskLimitStore riskLimitStore,
            InstrumentCatalog instruments,
            MarketData marketData,
            EngineConfig config) {
        this.orderStore = requireNonNull(orderStore, "orderStore is null");
        this.positionStore = requireNonNull(positionStore, "positionStore is null");
        this.riskLimitStore = requireNonNull(riskLimitStore, "riskLimitStore is null");
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.marketData = requireNonNull(marketData, "marketData is null");
        this.config = requireNonNull(config, "config is null");
    }

    OrderManager orders() {
        return orders;
    }

    PositionManager positions() {
        return positions;
    }

    Set<ClientOrderId> cancelWhenAcknowledged() {
        return cancelWhenAcknowledged;
    }

    Set<ClientOrderId> expiring() {
        return expiring;
    }

    Map<BrokerOrderId, List<BrokerTrade>> parkedTrades() {
        return parkedTrades;
    }

    /**
     * Replaces memory with what the stores hold: open orders, every position (closed ones too, under
     * the accounting method they were opened with), limits and trading states. Throws when they
     * cannot be read, leaving memory as it was.
     */
    void restore() {
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
    void refreshPositionView(Set<AccountId> accounts) {
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

    /** From the snapshot published after the last durable batch; never blocks the engine. */
    List<Position> positions(boolean includeClosed) {
        return positionView.all().stream()
                .filter(p -> includeClosed || p.isOpen())
                .toList();
    }

    AccountPortfolio portfolio(AccountId account) {
        AccountPortfolio portfolio = positionView.portfolios().get(account);
        return portfolio != null ? portfolio : new AccountPortfolio(account, PortfolioTotals.EMPTY, List.of());
    }

    RiskLimits limits(AccountId account) {
        return limits.getOrDefault(account, RiskLimits.defaults());
    }

    TradingStateChange tradingState(AccountId account) {
        TradingStateChange change = tradingStates.get(account);
        return change != null
                ? change
                : new TradingStateChange(TradingState.ACTIVE, "never changed", "system", Instant.EPOCH);
    }

    /** Stores the account's limits, then holds them (a store failure throws: the command is discarded). */
    void replaceLimits(AccountId account, RiskLimits newLimits) {
        riskLimitStore.saveLimits(account, newLimits);
        limits.put(account, newLimits);
    }

    void changeTradingState(AccountId account, TradingStateChange change) {
        riskLimitStore.saveTradingState(account, change);
        tradingStates.put(account, change);
    }

    Optional<DayPnl> dayPnl(AccountId account) {
        return dailyPnl.reading(account);
    }

    /**
     * Lets the terminal orders whose last change is older than the retention window leave memory.
     * Their last change is durable: the engine applies a batch only after the previous one committed,
     * and the window (at least 1 s) is far longer than a batch. Queries, modifies, cancels and late
     * reports then find them in the order store ({@link #locate}, {@link #stored}).
     */
    void evictTerminalOrders(Instant now) {
        orders.evictTerminal(now.minus(config.terminalOrderRetention()));
    }

    /** The order from memory, or from the store (put back into memory, e.g. a terminal order taking a late fill). */
    Optional<Order> locate(ClientOrderId id) {
        Optional<Order> inMemory = orders.find(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return orderStore.findById(id).map(orders::restore);
    }

    /** As {@link #locate}; when there is no such order, {@code result} fails with {@code VALIDATION_ORDER_NOT_FOUND}. */
    Optional<Order> locateOrNotFound(ClientOrderId id, CompletableFuture<OrderCommandResult> result) {
        Optional<Order> found = locate(id);
        if (found.isEmpty()) {
            result.complete(OrderEntryHandler.failed(FailureCode.VALIDATION_ORDER_NOT_FOUND, "no order " + id));
        }
        return found;
    }

    Optional<Order> locateByBrokerId(BrokerOrderId id) {
        Optional<Order> inMemory = orders.findByBrokerOrderId(id);
        if (inMemory.isPresent()) {
            return inMemory;
        }
        return orderStore.findByBrokerOrderId(id).map(stored -> orders.find(stored.id())
                .orElseGet(() -> orders.restore(stored)));
    }

    /** The order as stored, without bringing it back into memory. */
    Optional<Order> stored(ClientOrderId id) {
        return orderStore.findById(id);
    }

    /** An open order of the account in the instrument whose submit's outcome is unknown. */
    Optional<Order> unknownSubmit(AccountId account, InstrumentId instrument) {
        return orders.unknownSubmit(account, instrument);
    }

    void hold(EngineCommand.Submit submit) {
        held.add(submit);
    }

    /** Takes the held submits that no unknown submit blocks any more, in the order they came. */
    List<EngineCommand> releaseHeld() {
        if (held.isEmpty()) {
            return List.of();
        }
        List<EngineCommand> ready = new ArrayList<>();
        for (Iterator<EngineCommand.Submit> it = held.iterator(); it.hasNext(); ) {
            EngineCommand.Submit submit = it.next();
            if (unknownSubmit(
                            submit.command().request().account(),
                            submit.command().request().instrument())
                    .isEmpty()) {
                it.remove();
                ready.add(submit);
            }
        }
        return ready;
    }

    /** Takes every held submit (the engine is stopping). */
    List<EngineCommand.Submit> drainHeld() {
        List<EngineCommand.Submit> all = List.copyOf(held);
        held.clear();
        return all;
    }

    EngineRiskContext riskContext(Instant now) {
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

    /** Observes the account's day P&amp;L (rolling its day at a session start); zero for unconfigured accounts. */
    Money observeDailyPnl(AccountId account, Instant now) {
        Optional<AccountSettings> settings = config.account(account);
        if (settings.isEmpty()) {
            return Money.ZERO;
        }
        Money total = EngineRiskContext.totalPnl(positions, marketData, account);
        return dailyPnl.observe(account, settings.get().session(), now, total);
    }

    /** Marks open positions in the instrument, observing the day P&amp;L of their accounts first. */
    void mark(InstrumentId instrument, Price price, Instant now, Unit unit) {
        Set<AccountId> holders = new HashSet<>();
        positions
                .openPositionView(instrument)
                .forEach(position -> holders.add(position.key().account()));
        for (AccountId account : holders) {
            observeDailyPnl(account, now);
            unit.marked(account);
        }
        positions.mark(instrument, price, now);
    }

    /** Observes the day P&amp;L of every configured account and every account holding a position. */
    void observeAllDailyPnl(Instant now) {
        Set<AccountId> accounts = new HashSet<>(config.accounts().keySet());
        accounts.addAll(positions.accountsWithOpenPositions());
        accounts.forEach(account -> observeDailyPnl(account, now));
    }

    EngineSnapshot snapshot() {
        return new EngineSnapshot(orders.all(), positions.positions(true));
    }
}
