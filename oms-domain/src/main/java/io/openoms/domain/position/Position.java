package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Fill;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The holding of one {@link PositionKey}, from the fill that opens it from flat to the fill that
 * brings it back to exactly flat. Immutable: {@link #apply} and {@link #mark} return a new value.
 * A closed position takes no more fills; the next fill on its key opens a new position.
 *
 * <p><b>Cost and realized P&L.</b> {@code openCost} is what the open quantity cost (long) or
 * brought in (short), price times quantity. A fill against the position takes quantity out; its
 * realized P&L is (fill price x reduced quantity - cost taken out), negated for a short. The cost
 * taken out depends on the {@link AccountingMethod}: under average cost it is {@code openCost x
 * reduced / open quantity} (divided with {@link DecimalPrecision#DIVISION}, so it is (fill price -
 * average price) x reduced quantity x direction); under FIFO and LIFO it is the exact cost of the
 * oldest or newest lots consumed, a lot consumed in part being split. Because the cost taken out
 * of {@code openCost} is exactly the cost set against the fill, no rounding is ever lost.
 *
 * <p><b>Fees.</b> Every fill's fee is deducted from realized P&L when the fill is applied, whether
 * it opens or closes. Hence for every position and every mark: {@code realized + unrealized(mark) =
 * sum of the fills' cash flows (+ price x quantity for a sell, - for a buy) + signed quantity x mark
 * - sum of fees}, the mark-to-market value change minus fees, whatever the method.
 *
 * <p><b>Reversal.</b> A fill larger than the open quantity closes it all (realizing P&L on all of
 * it) and opens the other side with the rest at the fill price, as one lot carrying the fill's
 * trade id and time. The position stays the same position (it never was flat between two fills):
 * its realized P&L, fees, marks and drawdown carry on.
 *
 * <p><b>Marks and drawdown.</b> {@link #mark} records the latest market price (an older mark than
 * the last one is ignored) and the highest and lowest marks since the position opened; fills do not
 * move the marks. {@code maxDrawdown} is the largest fall of total P&L (realized + unrealized) from
 * its running peak since open, with total P&L sampled after every fill (valued at that fill's
 * price) and every mark (valued at the mark); the first sample is taken right after the opening
 * fill, so the opening fee is not a drawdown. It is zero or positive.
 */
public record Position(
        PositionKey key,
        AccountingMethod method,
        PositionSide side,
        Quantity quantity,
        Money openCost,
        List<Lot> lots,
        Money realizedPnl,
        Money fees,
        Optional<Price> lastMark,
        Optional<Instant> lastMarkAt,
        Optional<Price> highestMark,
        Optional<Price> lowestMark,
        Money peakPnl,
        Money maxDrawdown,
        Instant openedAt,
        Optional<Instant> closedAt,
        List<TradeId> tradeIds) {

    /** Validates that the parts agree, so a restored position is as consistent as an applied one. */
    public Position {
        requireNonNull(key, "key is null");
        requireNonNull(method, "method is null");
        requireNonNull(side, "side is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(openCost, "openCost is null");
        requireNonNull(realizedPnl, "realizedPnl is null");
        requireNonNull(fees, "fees is null");
        requireNonNull(lastMark, "lastMark is null");
        requireNonNull(lastMarkAt, "lastMarkAt is null");
        requireNonNull(highestMark, "highestMark is null");
        requireNonNull(lowestMark, "lowestMark is null");
        requireNonNull(peakPnl, "peakPnl is null");
        requireNonNull(maxDrawdown, "maxDrawdown is null");
        requireNonNull(openedAt, "openedAt is null");
        requireNonNull(closedAt, "closedAt is null");
        lots = List.copyOf(requireNonNull(lots, "lots is null"));
        requireNonNull(tradeIds, "tradeIds is null");
        try {
            // Shared with the previous version when built by apply: no copy, no re-check per fill.
            tradeIds = TradeIdHistory.of(tradeIds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(key) + e.getMessage(), e);
        }
        if ((side == PositionSide.FLAT) != quantity.isZero()) {
            throw new IllegalArgumentException(where(key) + "side " + side + " does not match quantity " + quantity);
        }
        if (side == PositionSide.FLAT && !openCost.isZero()) {
            throw new IllegalArgumentException(where(key) + "a flat position has no open cost, got " + openCost);
        }
        if (closedAt.isPresent() != (side == PositionSide.FLAT)) {
            throw new IllegalArgumentException(where(key) + "a position is closed exactly when it is flat");
        }
        if (closedAt.isPresent() && closedAt.get().isBefore(openedAt)) {
            throw new IllegalArgumentException(
                    where(key) + "closed at " + closedAt.get() + " before it opened at " + openedAt);
        }
        if (method == AccountingMethod.AVERAGE_COST) {
            if (!lots.isEmpty()) {
                throw new IllegalArgumentException(where(key) + "an average-cost position keeps no lots");
            }
        } else {
            Quantity lotQuantity = Quantity.ZERO;
            Money lotCost = Money.ZERO;
            for (Lot lot : lots) {
                lotQuantity = lotQuantity.plus(lot.quantity());
                lotCost = lotCost.plus(lot.cost());
            }
            if (!lotQuantity.equals(quantity) || !lotCost.equals(openCost)) {
                throw new IllegalArgumentException(where(key) + "lots hold " + lotQuantity + " costing " + lotCost
                        + ", position holds " + quantity + " costing " + openCost);
            }
        }
        if (fees.isNegative()) {
            throw new IllegalArgumentException(where(key) + "fees must not be negative, got " + fees);
        }
        if (maxDrawdown.isNegative()) {
            throw new IllegalArgumentException(where(key) + "max drawdown must not be negative, got " + maxDrawdown);
        }
        boolean marked = lastMark.isPresent();
        if (lastMarkAt.isPresent() != marked || highestMark.isPresent() != marked || lowestMark.isPresent() != marked) {
            throw new IllegalArgumentException(where(key) + "last mark, its time, highest and lowest mark go together");
        }
        if (tradeIds.isEmpty()) {
            throw new IllegalArgumentException(where(key) + "a position has at least the fill that opened it");
        }
    }

    private static String where(PositionKey key) {
        return "position " + key + ": ";
    }

    /** A new position opened from flat by {@code fill}, on the side of {@code side}. */
    public static Position open(PositionKey key, AccountingMethod method, Side side, Fill fill) {
        requireNonNull(key, "key is null");
        requireNonNull(method, "method is null");
        requireNonNull(side, "side is null");
        requireNonNull(fill, "fill is null");
        Money afterFee = fill.fee().negate();
        return new Position(
                key,
                method,
                side == Side.BUY ? PositionSide.LONG : PositionSide.SHORT,
                fill.quantity(),
                fill.notional(),
                method == AccountingMethod.AVERAGE_COST ? List.of() : List.of(Lot.of(fill, fill.quantity())),
                afterFee,
                fill.fee(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                afterFee,
                Money.ZERO,
                fill.executedAt(),
                Optional.empty(),
                List.of(fill.tradeId()));
    }

    /**
     * This position after {@code fill} on {@code side}: added to, reduced, closed or reversed.
     *
     * @throws IllegalStateException when this position is closed
     * @throws IllegalArgumentException when the fill's trade id is already in this position
     */
    public Position apply(Side side, Fill fill) {
        requireNonNull(side, "side is null");
        requireNonNull(fill, "fill is null");
        if (isClosed()) {
            throw new IllegalStateException("position " + key + " closed at " + closedAt.get()
                    + "; a fill after the close opens a new position");
        }
        if (((TradeIdHistory) tradeIds).has(fill.tradeId())) {
            throw new IllegalArgumentException("trade " + fill.tradeId() + " is already applied to position " + key);
        }
        Money realized = realizedPnl.minus(fill.fee());
        PositionSide nextSide;
        Quantity nextQuantity;
        Money nextCost;
        List<Lot> nextLots;
        if (side.sign() == this.side.sign()) {
            nextSide = this.side;
            nextQuantity = quantity.plus(fill.quantity());
            nextCost = openCost.plus(fill.notional());
            nextLots = keepsLots() ? append(lots, Lot.of(fill, fill.quantity())) : List.of();
        } else {
            Quantity reduced = fill.quantity().min(quantity);
            Reduction reduction = reduce(reduced);
            Money proceeds = reduced.times(fill.price());
            Money gain = proceeds.minus(reduction.cost());
            realized = realized.plus(this.side == PositionSide.LONG ? gain : gain.negate());
            Quantity remainder = fill.quantity().minus(reduced);
            if (remainder.isPositive()) {
                nextSide = this.side == PositionSide.LONG ? PositionSide.SHORT : PositionSide.LONG;
                nextQuantity = remainder;
                nextCost = remainder.times(fill.price());
                nextLots = keepsLots() ? List.of(Lot.of(fill, remainder)) : List.of();
            } else {
                nextQuantity = quantity.minus(reduced);
                nextSide = nextQuantity.isZero() ? PositionSide.FLAT : this.side;
                nextCost = openCost.minus(reduction.cost());
                nextLots = reduction.remainingLots();
            }
        }
        // The total P&L sampled at the fill's price, computed before building the one new position.
        Money sample = realized.plus(unrealizedPnl(nextSide, nextQuantity, nextCost, fill.price()));
        Money peak = peakPnl.max(sample);
        return new Position(
                key,
                method,
                nextSide,
                nextQuantity,
                nextCost,
                nextLots,
                realized,
                fees.plus(fill.fee()),
                lastMark,
                lastMarkAt,
                highestMark,
                lowestMark,
                peak,
                maxDrawdown.max(peak.minus(sample)),
                openedAt,
                nextSide == PositionSide.FLAT ? Optional.of(fill.executedAt()) : Optional.empty(),
                ((TradeIdHistory) tradeIds).append(fill.tradeId()));
    }

    /**
     * This position marked at {@code price} as of {@code at}: last, highest and lowest mark and the
     * drawdown are updated. A mark older than the last one is ignored (this position is returned).
     *
     * @throws IllegalStateException when this position is closed
     */
    public Position mark(Price price, Instant at) {
        requireNonNull(price, "price is null");
        requireNonNull(at, "at is null");
        if (isClosed()) {
            throw new IllegalStateException("position " + key + " is closed; it takes no marks");
        }
        if (lastMarkAt.isPresent() && at.isBefore(lastMarkAt.get())) {
            return this;
        }
        Position next = new Position(
                key,
                method,
                side,
                quantity,
                openCost,
                lots,
                realizedPnl,
                fees,
                Optional.of(price),
                Optional.of(at),
                Optional.of(highestMark
                        .map(high -> high.isGreaterThan(price) ? high : price)
                        .orElse(price)),
                Optional.of(lowestMark
                        .map(low -> low.isLessThan(price) ? low : price)
                        .orElse(price)),
                peakPnl,
                maxDrawdown,
                openedAt,
                closedAt,
                tradeIds);
        return next.sampled(next.totalPnl(price));
    }

    /** The quantity held with its direction: positive long, negative short, zero flat. */
    public BigDecimal signedQuantity() {
        return side == PositionSide.SHORT ? quantity.value().negate() : quantity.value();
    }

    public boolean isOpen() {
        return side != PositionSide.FLAT;
    }

    public boolean isClosed() {
        return side == PositionSide.FLAT;
    }

    /**
     * The average cost per unit of the open quantity (for FIFO and LIFO the quantity-weighted
     * average of the open lots); empty when flat.
     */
    public Optional<Price> averagePrice() {
        if (quantity.isZero()) {
            return Optional.empty();
        }
        return Optional.of(Price.of(openCost.amount().divide(quantity.value(), DecimalPrecision.DIVISION)));
    }

    /** What the open quantity would gain if closed at {@code mark}, fees of that close aside. */
    public Money unrealizedPnl(Price mark) {
        requireNonNull(mark, "mark is null");
        return unrealizedPnl(side, quantity, openCost, mark);
    }

    private static Money unrealizedPnl(PositionSide side, Quantity quantity, Money openCost, Price mark) {
        if (side == PositionSide.FLAT) {
            return Money.ZERO;
        }
        Money gain = quantity.times(mark).minus(openCost);
        return side == PositionSide.SHORT ? gain.negate() : gain;
    }

    /** Unrealized P&L at the last mark; zero when the position has not been marked or is flat. */
    public Money unrealizedPnl() {
        return lastMark.map(this::unrealizedPnl).orElse(Money.ZERO);
    }

    /** Realized P&L before fees. */
    public Money grossRealizedPnl() {
        return realizedPnl.plus(fees);
    }

    /** Realized plus unrealized P&L at {@code mark}. */
    public Money totalPnl(Price mark) {
        return realizedPnl.plus(unrealizedPnl(mark));
    }

    /**
     * The signed value of the open quantity: signed quantity x last mark, or, before the first mark,
     * at the average price (plus the open cost for a long, minus it for a short). Zero when flat.
     */
    public Money marketValue() {
        Money value = lastMark.map(quantity::times).orElse(openCost);
        return side == PositionSide.SHORT ? value.negate() : value;
    }

    public int fillCount() {
        return tradeIds.size();
    }

    private boolean keepsLots() {
        return method != AccountingMethod.AVERAGE_COST;
    }

    private Position sampled(Money totalPnl) {
        Money peak = peakPnl.max(totalPnl);
        Money drawdown = maxDrawdown.max(peak.minus(totalPnl));
        if (peak.equals(peakPnl) && drawdown.equals(maxDrawdown)) {
            return this;
        }
        return new Position(
                key,
                method,
                side,
                quantity,
                openCost,
                lots,
                realizedPnl,
                fees,
                lastMark,
                lastMarkAt,
                highestMark,
                lowestMark,
                peak,
                drawdown,
                openedAt,
                closedAt,
                tradeIds);
    }

    private Reduction reduce(Quantity reduced) {
        if (method == AccountingMethod.AVERAGE_COST) {
            Money cost = reduced.equals(quantity)
                    ? openCost
                    : Money.of(openCost.amount()
                            .multiply(reduced.value())
                            .divide(quantity.value(), DecimalPrecision.DIVISION));
            return new Reduction(cost, List.of());
        }
        List<Lot> remaining = new ArrayList<>(lots);
        Quantity left = reduced;
        Money cost = Money.ZERO;
        while (left.isPositive()) {
            int index = method == AccountingMethod.FIFO ? 0 : remaining.size() - 1;
            Lot lot = remaining.get(index);
            Quantity taken = lot.quantity().min(left);
            cost = cost.plus(taken.times(lot.price()));
            left = left.minus(taken);
            if (taken.equals(lot.quantity())) {
                remaining.remove(index);
            } else {
                remaining.set(index, lot.reducedBy(taken));
            }
        }
        return new Reduction(cost, remaining);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    private record Reduction(Money cost, List<Lot> remainingLots) {}
}
