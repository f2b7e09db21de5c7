package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.TradingSession;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The exchange session of the configured instruments and accounts (whose day's P&amp;L resets at its
 * start). Default: NSE cash, 09:15-15:30 Asia/Kolkata, Monday to Friday, no holidays listed.
 *
 * @param zone {@code trading-session.zone}
 * @param open {@code trading-session.open} ({@code HH:mm})
 * @param close {@code trading-session.close} ({@code HH:mm}, after open)
 * @param days {@code trading-session.days} ({@code [monday, …]})
 * @param holidays {@code trading-session.holidays} ({@code [2025-10-02, …]})
 */
public record TradingSessionConfig(
        ZoneId zone, LocalTime open, LocalTime close, List<DayOfWeek> days, List<LocalDate> holidays) {
    public static final TradingSessionConfig DEFAULT = new TradingSessionConfig(
            ZoneId.of("Asia/Kolkata"),
            LocalTime.of(9, 15),
            LocalTime.of(15, 30),
            List.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
            List.of());

    public TradingSessionConfig {
        if (zone == null) {
            throw new IllegalArgumentException("zone: is required (e.g. Asia/Kolkata)");
        }
        if (open == null || close == null || !open.isBefore(close)) {
            throw new IllegalArgumentException(
                    "open, close: both are required and open must be before close, got " + open + "-" + close);
        }
        days = List.copyOf(requireNonNull(days, "days is null"));
        if (days.isEmpty()) {
            throw new IllegalArgumentException("days: must name at least one day (monday … sunday)");
        }
        holidays = List.copyOf(requireNonNull(holidays, "holidays is null"));
    }

    public TradingSession toSession() {
        return new TradingSession(zone, open, close, EnumSet.copyOf(days), Set.copyOf(holidays));
    }
}
