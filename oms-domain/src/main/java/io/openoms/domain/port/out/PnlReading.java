package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.time.Instant;

/**
 * One point of an account's intraday P&amp;L chart: the day P&amp;L (realized plus unrealized since the
 * trading day that started at {@code dayStart}) and its peak so far, as observed at {@code observedAt}.
 */
public record PnlReading(AccountId account, Instant dayStart, Money pnl, Money peak, Instant observedAt) {
    public PnlReading {
        requireNonNull(account, "account is null");
        requireNonNull(dayStart, "dayStart is null");
        requireNonNull(pnl, "pnl is null");
        requireNonNull(peak, "peak is null");
        requireNonNull(observedAt, "observedAt is null");
    }
}
