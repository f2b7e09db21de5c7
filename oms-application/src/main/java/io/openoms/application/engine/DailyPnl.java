package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The day's P&amp;L per account: the account's total P&amp;L (realized + unrealized) minus its total
 * at the start of the trading day. The baseline is taken at the first observation on or after the
 * session start of the account's {@link TradingSession} (time-zone aware, from the exchange
 * calendar, not a 24-hour timer); the engine observes before every fill and mark and on every timer
 * tick, so nothing that changes P&amp;L slips between the session start and the baseline.
 *
 * <p>Not thread-safe: engine thread only. Baselines are not persisted: after a restart the first
 * observation sets the baseline.
 */
final class DailyPnl {
    private record Day(Instant start, Money baseline) {}

    private final Map<AccountId, Day> days = new HashMap<>();

    /** Rolls the account's day if {@code now} is in a new trading day, then returns the day's P&L. */
    Money observe(AccountId account, TradingSession session, Instant now, Money totalPnl) {
        requireNonNull(account, "account is null");
        Instant start = session.tradingDayStart(now);
        Day day = days.get(account);
        if (day == null || !day.start().equals(start)) {
            day = new Day(start, totalPnl);
            days.put(account, day);
        }
        return totalPnl.minus(day.baseline());
    }
}
