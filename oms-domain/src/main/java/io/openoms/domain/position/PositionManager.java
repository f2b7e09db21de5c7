package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the positions of every {@link PositionKey}: applies fills, marks open positions and sums
 * them into portfolios.
 *
 * <p>Not thread-safe and deterministic: it is meant to be driven by one thread (the engine's single
 * writer), and the same calls in the same order give the same positions. Lists come back in a
 * fixed order: positions in the order they were opened, closed ones in the order they closed.
 *
 * <p>At most one position per key is open. A fill that brings it to flat closes it; the closed
 * position is kept, with its final P&L, in the history, and the next fill on the key opens a new
 * position. A fill whose trade id was already applied to the key is ignored and reported as
 * {@link PositionChange#DUPLICATE}, so a fill delivered twice never counts twice: the trade ids of
 * the key's open position and of its last closed one are always checked, older ones within a bounded
 * window of the most recent {@code recentTradeWindow} trades (default {@value #DEFAULT_RECENT_TRADE_WINDOW}),
 * so memory does not grow with the day's fills. Beyond the window the durable guard is the journal,
 * which refuses a trade id twice, and the order, which refuses a trade id it already holds.
 *
 * <p>Every figure the risk checks read per order — an account's realized P&L, its open positions,
 * its net quantity per instrument and product — is kept as a running aggregate or an index updated
 * by each fill, so it costs the same however many positions the day has opened and closed.
 *
 * <p>Each account has one {@link AccountingMethod} (average cost unless set otherwise); it can be
 * changed only while the account has no open position under another method.
 */
public final class PositionManager {
    private final Map<PositionKey, Position> open = new LinkedHashMap<>();
    private final ClosedPositionHistory closed = new ClosedPositionHistory();
    private final Map<PositionKey, Position> lastClosed = new HashMap<>();
    private final Map<AccountId, Map<StrategyId, PortfolioTotals>> closedTotals = new HashMap<>();
    private final RecentTrades recentTrades;
    private final Map<AccountId, AccountingMethod> methods = new HashMap<>();
    // Running aggregates and indexes over the open positions, updated in store().
    private final Map<AccountId, Map<PositionKey, Position>> openByAccount = new HashMap<>();
    private final Map<InstrumentId, Map<PositionKey, Position>> openByInstrument = new HashMap<>();
    private final Map<NetKey, BigDecimal> netQuantities = new HashMap<>();
    private final Map<AccountId, Money> realizedByAccount = new HashMap<>();

    /** How many recent trades are remembered per manager for duplicate detection beyond the positions' own. */
    public static final int DEFAULT_RECENT_TRADE_WINDOW = 100_000;

    private record NetKey(AccountId account, InstrumentId instrument, Product product) {}

    public PositionManager() {
        this(DEFAULT_RECENT_TRADE_WINDOW);
    }

    /** A manager that remembers the last {@code recentTradeWindow} trade ids beyond its positions' own. */
    public PositionManager(int recentTradeWindow) {
        this.recentTrades = new RecentTrades(recentTradeWindow);
    }

    public AccountingMethod accountingMethod(AccountId account) {
        requireNonNull(account, "account is null");
        return methods.getOrDefault(account, AccountingMethod.AVERAGE_COST);
    }

    /**
     * Sets the accounting method of {@code account} for positions it opens from now on.
     *
     * @throws IllegalStateException when the account has an open position under another method,
     *     because its realized P&L so far was computed under that method
     */
    public void setAccountingMethod(AccountId account, AccountingMethod method) {
        requireNonNull(account, "account is null");
        requireNonNull(method, "method is null");
        List<Position> blocking = openPositions(account).stream()
                .filter(position -> position.method() != method)
                .toList();
        if (!blocking.isEmpty()) {
            throw new IllegalStateException("cannot change the accounting method of account " + account + " to "
                    + method + " while it has " + blocking.size() + " open position(s) under "
                    + blocking.get(0).method() + " (e.g. " + blocking.get(0).key()
                    + "); close them first");
        }
        methods.put(account, method);
    }

    /** Applies a fill of {@code side} to the position of {@code key}, opening one when it is flat. */
    public PositionUpdate apply(PositionKey key, Side side, Fill fill) {
        requireNonNull(key, "key is null");
        requireNonNull(side, "side is null");
        requireNonNull(fill, "fill is null");
        if (alreadyApplied(key, fill.tradeId())) {
            return new PositionUpdate(PositionChange.DUPLICATE, latest(key), Money.ZERO);
        }
        Position before = open.get(key);
        Position after;
        PositionChange change;
        Money realizedChange;
        if (before == null) {
            after = Position.open(key, accountingMethod(key.account()), side, fill);
            change = PositionChange.OPENED;
            realizedChange = after.realizedPnl();
        } else {
            after = before.apply(side, fill);
            change = changeOf(before, after);
            realizedChange = after.realizedPnl().minus(before.realizedPnl());
        }
        recentTrades.add(key, fill.tradeId());
        store(before, after);
        realizedByAccount.merge(key.account(), realizedChange, Money::plus);
        return new PositionUpdate(change, after, realizedChange);
    }

    /**
     * Marks every open position in {@code instrument} at {@code price} as of {@code at} and returns
     * them as marked (a position whose last mark is newer than {@code at} is returned unchanged).
     */
    public List<Position> mark(InstrumentId instrument, Price price, Instant at) {
        requireNonNull(instrument, "instrument is null");
        requireNonNull(price, "price is null");
        requireNonNull(at, "at is null");
        Map<PositionKey, Position> inInstrument = openByInstrument.get(instrument);
        if (inInstrument == null) {
            return List.of();
        }
        List<Position> marked = new ArrayList<>(inInstrument.size());
        for (Position position : List.copyOf(inInstrument.values())) {
            Position after = position.mark(price, at);
            store(position, after);
            marked.add(after);
        }
        return List.copyOf(marked);
    }

    /** The open position of {@code key}, if there is one. */
    public Optional<Position> get(PositionKey key) {
        requireNonNull(key, "key is null");
        return Optional.ofNullable(open.get(key));
    }

    public List<Position> openPositions() {
        return List.copyOf(open.values());
    }

    public List<Position> openPositions(AccountId account) {
        return List.copyOf(openPositionView(account));
    }

    /**
     * The open positions of {@code account} as a read-only view without a copy, in the order they
     * opened: for a caller on the owning thread that reads it at once and does not keep it.
     */
    public Collection<Position> openPositionView(AccountId account) {
        requireNonNull(account, "account is null");
        Map<PositionKey, Position> ofAccount = openByAccount.get(account);
        return ofAccount == null ? List.of() : Collections.unmodifiableCollection(ofAccount.values());
    }

    /** The open positions in {@code instrument}, as a read-only view as {@link #openPositionView(AccountId)}. */
    public Collection<Position> openPositionView(InstrumentId instrument) {
        requireNonNull(instrument, "instrument is null");
        Map<PositionKey, Position> inInstrument = openByInstrument.get(instrument);
        return inInstrument == null ? List.of() : Collections.unmodifiableCollection(inInstrument.values());
    }

    /** The accounts that hold at least one open position. */
    public Set<AccountId> accountsWithOpenPositions() {
        return Collections.unmodifiableSet(openByAccount.keySet());
    }

    /**
     * Open positions, preceded by the closed ones (in closing order) when {@code includeClosed}. The
     * list is immutable and does not change with later fills; it shares the closed history rather
     * than copying it, so taking one costs only the open positions.
     */
    public List<Position> positions(boolean includeClosed) {
        if (!includeClosed) {
            return openPositions();
        }
        return closed.snapshot(List.copyOf(open.values()));
    }

    /** Every position of {@code key}: the closed ones in closing order, then the open one if any. */
    public List<Position> history(PositionKey key) {
        requireNonNull(key, "key is null");
        return positions(true).stream()
                .filter(position -> position.key().equals(key))
                .toList();
    }

    /**
     * The realized P&L (net of fees) of {@code account} over every position, open and closed; costs
     * the account's open positions, not its history.
     */
    public Money realizedPnl(AccountId account) {
        requireNonNull(account, "account is null");
        return realizedByAccount.getOrDefault(account, Money.ZERO);
    }

    /** The signed quantity {@code account} holds in {@code instrument} under {@code product}, over all strategies. */
    public BigDecimal netQuantity(AccountId account, InstrumentId instrument, Product product) {
        requireNonNull(account, "account is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(product, "product is null");
        return netQuantities.getOrDefault(new NetKey(account, instrument, product), BigDecimal.ZERO);
    }

    /**
     * Puts back a position read from storage at start-up: an open one becomes the open position of
     * its key, a closed one joins the history. Its trade ids count as applied.
     *
     * @throws IllegalStateException when its key already has an open position, or an open
     *     position's method is not its account's method (set the method before restoring)
     */
    public void restore(Position position) {
        requireNonNull(position, "position is null");
        if (position.isOpen()) {
            if (open.containsKey(position.key())) {
                throw new IllegalStateException("position " + position.key() + " is already open");
            }
            AccountingMethod method = accountingMethod(position.key().account());
            if (position.method() != method) {
                throw new IllegalStateException("position " + position.key() + " is kept under "
                        + position.method() + " but account " + position.key().account() + " uses " + method
                        + "; set the account's accounting method before restoring its positions");
            }
        }
        if (position.isClosed()) {
            // Its ids leave the check with the position when a later one closes; keep them in the window.
            position.tradeIds().forEach(id -> recentTrades.add(position.key(), id));
        }
        Position replaced = open.get(position.key());
        store(replaced, position);
        Money realizedChange = replaced == null
                ? position.realizedPnl()
                : position.realizedPnl().minus(replaced.realizedPnl());
        realizedByAccount.merge(position.key().account(), realizedChange, Money::plus);
    }

    /**
     * The totals of {@code account}'s positions, open and closed, and the same per strategy. Closed
     * positions are summed as they close, so this costs the open positions, not the history.
     */
    public AccountPortfolio portfolio(AccountId account) {
        requireNonNull(account, "account is null");
        PortfolioTotals totals = PortfolioTotals.EMPTY;
        Map<String, StrategyId> strategyIds = new TreeMap<>();
        Map<StrategyId, PortfolioTotals> perStrategy = new HashMap<>(closedTotals.getOrDefault(account, Map.of()));
        for (Map.Entry<StrategyId, PortfolioTotals> closedOfStrategy : perStrategy.entrySet()) {
            totals = totals.plus(closedOfStrategy.getValue());
            strategyIds.put(closedOfStrategy.getKey().value(), closedOfStrategy.getKey());
        }
        for (Position position : openPositionView(account)) {
            StrategyId strategy = position.key().strategy();
            totals = totals.plus(position);
            strategyIds.put(strategy.value(), strategy);
            perStrategy.merge(strategy, PortfolioTotals.EMPTY.plus(position), (sum, one) -> sum.plus(position));
        }
        List<StrategyPortfolio> strategies = strategyIds.values().stream()
                .map(strategy -> new StrategyPortfolio(strategy, perStrategy.get(strategy)))
                .toList();
        return new AccountPortfolio(account, totals, strategies);
    }

    private boolean alreadyApplied(PositionKey key, TradeId tradeId) {
        Position current = open.get(key);
        if (current != null && ((TradeIdHistory) current.tradeIds()).has(tradeId)) {
            return true;
        }
        Position closedLast = lastClosed.get(key);
        if (closedLast != null && ((TradeIdHistory) closedLast.tradeIds()).has(tradeId)) {
            return true;
        }
        return recentTrades.contains(key, tradeId);
    }

    /** Replaces {@code before} (the key's open position, or null) by {@code position}, keeping the indexes. */
    private void store(Position before, Position position) {
        PositionKey key = position.key();
        NetKey netKey = new NetKey(key.account(), key.instrument(), key.product());
        BigDecimal net = netQuantities.getOrDefault(netKey, BigDecimal.ZERO).add(position.signedQuantity());
        if (before != null) {
            net = net.subtract(before.signedQuantity());
        }
        if (net.signum() == 0) {
            netQuantities.remove(netKey);
        } else {
            netQuantities.put(netKey, net);
        }
        if (position.isClosed()) {
            removeFrom(openByAccount, key.account(), key);
            removeFrom(openByInstrument, key.instrument(), key);
        } else {
            openByAccount
                    .computeIfAbsent(key.account(), a -> new LinkedHashMap<>())
                    .put(key, position);
            openByInstrument
                    .computeIfAbsent(key.instrument(), i -> new LinkedHashMap<>())
                    .put(key, position);
        }
        if (position.isClosed()) {
            open.remove(position.key());
            closed.append(position);
            lastClosed.put(position.key(), position);
            closedTotals
                    .computeIfAbsent(position.key().account(), account -> new HashMap<>())
                    .merge(
                            position.key().strategy(),
                            PortfolioTotals.EMPTY.plus(position),
                            (sum, one) -> sum.plus(position));
        } else {
            open.put(position.key(), position);
        }
    }

    private static <K> void removeFrom(Map<K, Map<PositionKey, Position>> index, K group, PositionKey key) {
        Map<PositionKey, Position> members = index.get(group);
        if (members != null) {
            members.remove(key);
            if (members.isEmpty()) {
                index.remove(group);
            }
        }
    }

    private Position latest(PositionKey key) {
        Position current = open.get(key);
        if (current != null) {
            return current;
        }
        Position closedLast = lastClosed.get(key);
        if (closedLast != null) {
            return closedLast;
        }
        throw new IllegalStateException("position " + key + " has applied trades but no position");
    }

    private static PositionChange changeOf(Position before, Position after) {
        if (after.isClosed()) {
            return PositionChange.CLOSED;
        }
        if (after.side() != before.side()) {
            return PositionChange.REVERSED;
        }
        return after.quantity().isGreaterThan(before.quantity()) ? PositionChange.INCREASED : PositionChange.REDUCED;
    }
}
