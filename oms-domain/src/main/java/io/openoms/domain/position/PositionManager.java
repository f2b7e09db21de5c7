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
import java.util.HashMap;
import java.util.HashSet;
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
 * {@link PositionChange#DUPLICATE}, so a fill delivered twice never counts twice.
 *
 * <p>Each account has one {@link AccountingMethod} (average cost unless set otherwise); it can be
 * changed only while the account has no open position under another method.
 */
public final class PositionManager {
    private final Map<PositionKey, Position> open = new LinkedHashMap<>();
    private final ClosedPositionHistory closed = new ClosedPositionHistory();
    private final Map<PositionKey, Position> lastClosed = new HashMap<>();
    private final Map<AccountId, Map<StrategyId, PortfolioTotals>> closedTotals = new HashMap<>();
    private final Map<PositionKey, Set<TradeId>> appliedTrades = new HashMap<>();
    private final Map<AccountId, AccountingMethod> methods = new HashMap<>();

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
        Set<TradeId> applied = appliedTrades.computeIfAbsent(key, k -> new HashSet<>());
        if (applied.contains(fill.tradeId())) {
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
        applied.add(fill.tradeId());
        store(after);
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
        List<Position> marked = new ArrayList<>();
        for (Map.Entry<PositionKey, Position> entry : open.entrySet()) {
            if (entry.getKey().instrument().equals(instrument)) {
                Position position = entry.getValue().mark(price, at);
                entry.setValue(position);
                marked.add(position);
            }
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
        requireNonNull(account, "account is null");
        return open.values().stream()
                .filter(position -> position.key().account().equals(account))
                .toList();
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
        Money total = Money.ZERO;
        for (PortfolioTotals closedOfStrategy :
                closedTotals.getOrDefault(account, Map.of()).values()) {
            total = total.plus(closedOfStrategy.realizedPnl());
        }
        for (Position position : open.values()) {
            if (position.key().account().equals(account)) {
                total = total.plus(position.realizedPnl());
            }
        }
        return total;
    }

    /** The signed quantity {@code account} holds in {@code instrument} under {@code product}, over all strategies. */
    public BigDecimal netQuantity(AccountId account, InstrumentId instrument, Product product) {
        requireNonNull(account, "account is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(product, "product is null");
        return open.values().stream()
                .filter(position -> position.key().account().equals(account)
                        && position.key().instrument().equals(instrument)
                        && position.key().product().equals(product))
                .map(Position::signedQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
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
        appliedTrades.computeIfAbsent(position.key(), k -> new HashSet<>()).addAll(position.tradeIds());
        store(position);
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
        for (Position position : open.values()) {
            if (!position.key().account().equals(account)) {
                continue;
            }
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

    private void store(Position position) {
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
