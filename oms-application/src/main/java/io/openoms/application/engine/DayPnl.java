package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import java.time.Instant;

/**
 * One account's P&amp;L for the trading day that started at {@code dayStart}, as of the engine's last
 * observation at {@code observedAt}: {@code pnl} is the total P&amp;L (realized + unrealized) minus its
 * value at the day's start, {@code peak} the highest {@code pnl} observed this day (never below zero:
 * the day starts at zero).
 */
public record DayPnl(Instant dayStart, Money pnl, Money peak, Instant observedAt) {
    public DayPnl {
        requireNonNull(dayStart, "dayStart is null");
        requireNonNull(pnl, "pnl is null");
        requireNonNull(peak, "peak is null");
        requireNonNull(observedAt, "observedAt is null");
    }

    /** How far the day's P&amp;L has fallen from its peak: zero or positive. */
    public Money drawdown() {
        return peak.minus(pnl).max(Money.ZERO);
    }
}
