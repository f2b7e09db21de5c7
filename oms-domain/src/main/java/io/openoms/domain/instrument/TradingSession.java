package io.openoms.domain.instrument;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When an exchange trades: one continuous session a day between {@code open} (inclusive) and
 * {@code close} (exclusive), in the exchange's own zone, on the given weekdays except holidays.
 * Holidays are data (the exchange publishes them yearly). Sessions that span midnight are not
 * modelled.
 */
public record TradingSession(
        ZoneId zone, LocalTime open, LocalTime close, Set<DayOfWeek> tradingDays, Set<LocalDate> holidays) {

    /** NSE/BSE cash and F&amp;O: 09:15–15:30 Asia/Kolkata, Monday to Friday; holidays to be supplied. */
    public static TradingSession indianEquities(Set<LocalDate> holidays) {
        return new TradingSession(
                ZoneId.of("Asia/Kolkata"),
                LocalTime.of(9, 15),
                LocalTime.of(15, 30),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                holidays);
    }

    public TradingSession {
        requireNonNull(zone, "zone is null");
        requireNonNull(open, "open is null");
        requireNonNull(close, "close is null");
        requireNonNull(tradingDays, "tradingDays is null");
        requireNonNull(holidays, "holidays is null");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("session open " + open + " must be before close " + close);
        }
        if (tradingDays.isEmpty()) {
            throw new IllegalArgumentException("session has no trading days");
        }
        tradingDays = Set.copyOf(tradingDays);
        holidays = Set.copyOf(holidays);
    }

    /** The exchange-local date of {@code instant}. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public boolean isTradingDay(LocalDate date) {
        return tradingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** True when the market is open at {@code instant}. */
    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isTradingDay(local.toLocalDate()) && !time.isBefore(open) && time.isBefore(close);
    }

    /** The instant the session opens on {@code date} (whether or not it is a trading day). */
    public Instant openOn(LocalDate date) {
        return date.atTime(open).atZone(zone).toInstant();
    }

    /** The instant the session closes on {@code date} (whether or not it is a trading day). */
    public Instant closeOn(LocalDate date) {
        return date.atTime(close).atZone(zone).toInstant();
    }

    /**
     * The close of the session that a {@code DAY} order entered at {@code instant} belongs to: today's
     * close when today is a trading day and the close is still ahead, otherwise the next trading
     * day's close. Empty only when no trading day follows within a year (a misconfigured calendar).
     */
    public Optional<Instant> dayOrderExpiry(Instant instant) {
        LocalDate date = localDate(instant);
        for (int i = 0; i <= 366; i++) {
            LocalDate candidate = date.plusDays(i);
            if (isTradingDay(candidate) && closeOn(candidate).isAfter(instant)) {
                return Optional.of(closeOn(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * The next session open at or after {@code instant}: today's open when today is a trading day
     * and the open is still ahead, else the next trading day's. Empty only when no trading day
     * follows within a year (a misconfigured calendar).
     */
    public Optional<Instant> nextOpen(Instant instant) {
        LocalDate date = localDate(instant);
        for (int i = 0; i <= 366; i++) {
            LocalDate candidate = date.plusDays(i);
            if (isTradingDay(candidate) && !openOn(candidate).isBefore(instant)) {
                return Optional.of(openOn(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * The start of the trading day containing {@code instant}, for daily figures such as the day's
     * P&amp;L: the session open of the exchange-local date, or of the previous date when
     * {@code instant} is before today's open.
     */
    public Instant tradingDayStart(Instant instant) {
        LocalDate date = localDate(instant);
        Instant todaysOpen = openOn(date);
        return instant.isBefore(todaysOpen) ? openOn(date.minusDays(1)) : todaysOpen;
    }
}
