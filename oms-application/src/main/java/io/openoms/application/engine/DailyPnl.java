package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The day's P&amp;L per account: the account's total P&amp;L (realized + unrealized) minus its total
 * at the start of the trading day. The baseline is taken at the first observation on or after the
 * session start of the account's {@link TradingSession} (time-zone aware, from the exchange
 * calendar, not a 24-hour timer); the engine observes before every fill and mark and on every timer
 * tick, so nothing that changes P&amp;L slips between the session start and the baseline. The day's
 * peak is the highest value observed; since every change is followed by an observation (before the
 * next change, or at the next tick), the peak misses nothing once a tick has run.
 *
 * <p>Thread safety: {@link #observe} on the engine thread only; {@link #reading} from any thread.
 * Baselines and peaks are not persisted: after a restart the first observation sets the baseline.
 */
final class DailyPnl {
    /** {@code until}: the next trading day's start, so an observation within the day skips the calendar. */
    private record Day(Instant start, Instant until, Money baseline, DayPnl reading) {}

    private final Map<AccountId, Day> days = new ConcurrentHashMap<>();

    /** Rolls the account's day if {@code now} is in a new trading day, then returns the day's P&L. */
    Money observe(AccountId account, TradingSession session, Instant now, Money totalPnl) {
        requireNonNull(account, "account is null");
        Day day = days.get(account);
        if (day == null || now.isBefore(day.start()) || !now.isBefore(day.until())) {
            Instant start = session.tradingDayStart(now);
            if (day == null || !day.start().equals(start)) {
                // The day containing now runs from its start to the next date's session open.
                Instant until = session.openOn(session.localDate(start).plusDays(1));
                day = new Day(start, until, totalPnl, new DayPnl(start, Money.ZERO, Money.ZERO, now));
            }
        }
        Money pnl = totalPnl.minus(day.baseline());
        Money peak = day.reading().peak().max(pnl);
        days.put(account, new Day(day.start(), day.until(), day.baseline(), new DayPnl(day.start(), pnl, peak, now)));
        return pnl;
    }

    /** The account's day as last observed; empty before its first observation. */
    Optional<DayPnl> reading(AccountId account) {
        return Optional.ofNullable(days.get(requireNonNull(account, "account is null")))
                .map(Day::reading);
    }
}
