package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;

/**
 * P&L and exposure summed over a set of positions.
 *
 * <ul>
 *   <li>{@code realizedPnl} and {@code fees}: over every position, open and closed, that the
 *       {@link PositionManager} holds (realized is net of fees).
 *   <li>{@code unrealizedPnl}: over open positions, each at its last mark; a position not yet
 *       marked contributes zero.
 *   <li>Exposures use each open position's {@link Position#marketValue()}: signed quantity x last
 *       mark, or at its average price before the first mark. {@code netExposure} is the sum of the
 *       signed values, {@code grossExposure} the sum of their absolute values, {@code longExposure}
 *       and {@code shortExposure} the absolute values of the long and of the short positions (so
 *       gross = long + short).
 * </ul>
 */
public record PortfolioTotals(
        Money realizedPnl,
        Money unrealizedPnl,
        Money fees,
        Money grossExposure,
        Money netExposure,
        Money longExposure,
        Money shortExposure,
        int openPositions) {
    public static final PortfolioTotals EMPTY =
            new PortfolioTotals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, 0);

    public PortfolioTotals {
        requireNonNull(realizedPnl, "realizedPnl is null");
        requireNonNull(unrealizedPnl, "unrealizedPnl is null");
        requireNonNull(fees, "fees is null");
        requireNonNull(grossExposure, "grossExposure is null");
        requireNonNull(netExposure, "netExposure is null");
        requireNonNull(longExposure, "longExposure is null");
        requireNonNull(shortExposure, "shortExposure is null");
        if (openPositions < 0) {
            throw new IllegalArgumentException("openPositions must not be negative, got " + openPositions);
        }
    }

    /** Realized plus unrealized P&L. */
    public Money totalPnl() {
        return realizedPnl.plus(unrealizedPnl);
    }

    PortfolioTotals plus(PortfolioTotals other) {
        return new PortfolioTotals(
                realizedPnl.plus(other.realizedPnl),
                unrealizedPnl.plus(other.unrealizedPnl),
                fees.plus(other.fees),
                grossExposure.plus(other.grossExposure),
                netExposure.plus(other.netExposure),
                longExposure.plus(other.longExposure),
                shortExposure.plus(other.shortExposure),
                openPositions + other.openPositions);
    }

    PortfolioTotals plus(Position position) {
        if (position.isClosed()) {
            return new PortfolioTotals(
                    realizedPnl.plus(position.realizedPnl()),
                    unrealizedPnl,
                    fees.plus(position.fees()),
                    grossExposure,
                    netExposure,
                    longExposure,
                    shortExposure,
                    openPositions);
        }
        Money value = position.marketValue();
        boolean isLong = position.side() == PositionSide.LONG;
        return new PortfolioTotals(
                realizedPnl.plus(position.realizedPnl()),
                unrealizedPnl.plus(position.unrealizedPnl()),
                fees.plus(position.fees()),
                grossExposure.plus(value.abs()),
                netExposure.plus(value),
                isLong ? longExposure.plus(value.abs()) : longExposure,
                isLong ? shortExposure : shortExposure.plus(value.abs()),
                openPositions + 1);
    }
}
