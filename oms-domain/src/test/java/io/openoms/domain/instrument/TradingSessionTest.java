package io.openoms.domain.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradingSessionTest {
    // 2026-11-20 is a Friday; 2026-11-24 (Tuesday) is declared a holiday here.
    private static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 24);
    private static final TradingSession NSE = TradingSession.indianEquities(Set.of(HOLIDAY));

    @Test
    void the_session_is_open_from_the_open_inclusive_to_the_close_exclusive_in_exchange_time() {
        assertThat(NSE.isOpen(Instant.parse("2026-11-20T03:44:59Z"))).isFalse(); // 09:14:59 IST
        assertThat(NSE.isOpen(Instant.parse("2026-11-20T03:45:00Z"))).isTrue(); // 09:15 IST
        assertThat(NSE.isOpen(Instant.parse("2026-11-20T09:59:59Z"))).isTrue(); // 15:29:59 IST
        assertThat(NSE.isOpen(Instant.parse("2026-11-20T10:00:00Z"))).isFalse(); // 15:30 IST
    }

    @Test
    void weekends_and_holidays_are_closed() {
        assertThat(NSE.isOpen(Instant.parse("2026-11-21T05:00:00Z"))).isFalse(); // Saturday
        assertThat(NSE.isOpen(Instant.parse("2026-11-24T05:00:00Z"))).isFalse(); // holiday
        assertThat(NSE.isHoliday(HOLIDAY)).isTrue();
        assertThat(NSE.isTradingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void a_day_order_expires_at_the_close_of_its_trading_day_or_the_next_one() {
        // Friday during the session: today's close.
        assertThat(NSE.dayOrderExpiry(Instant.parse("2026-11-20T05:00:00Z")))
                .contains(Instant.parse("2026-11-20T10:00:00Z"));
        // Friday after the close: Monday's close.
        assertThat(NSE.dayOrderExpiry(Instant.parse("2026-11-20T11:00:00Z")))
                .contains(Instant.parse("2026-11-23T10:00:00Z"));
        // Monday after the close, Tuesday a holiday: Wednesday's close.
        assertThat(NSE.dayOrderExpiry(Instant.parse("2026-11-23T11:00:00Z")))
                .contains(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void the_trading_day_starts_at_the_latest_session_open() {
        assertThat(NSE.tradingDayStart(Instant.parse("2026-11-20T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-20T03:45:00Z"));
        assertThat(NSE.tradingDayStart(Instant.parse("2026-11-20T02:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-19T03:45:00Z"));
    }

    @Test
    void a_session_that_cannot_exist_is_refused() {
        ZoneId utc = ZoneId.of("UTC");
        assertThatThrownBy(() -> new TradingSession(
                        utc, LocalTime.of(16, 0), LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY), Set.of()))
                .hasMessageContaining("must be before close");
        assertThatThrownBy(() -> new TradingSession(utc, LocalTime.of(9, 0), LocalTime.of(16, 0), Set.of(), Set.of()))
                .hasMessageContaining("no trading days");
    }

    @Test
    void a_calendar_without_a_trading_day_in_a_year_has_no_day_expiry() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Set<LocalDate> everyMonday = start.datesUntil(start.plusYears(2))
                .filter(d -> d.getDayOfWeek() == DayOfWeek.MONDAY)
                .collect(java.util.stream.Collectors.toSet());
        TradingSession never = new TradingSession(
                ZoneId.of("UTC"), LocalTime.of(9, 0), LocalTime.of(16, 0), Set.of(DayOfWeek.MONDAY), everyMonday);
        assertThat(never.dayOrderExpiry(Instant.parse("2026-02-01T00:00:00Z"))).isEmpty();
    }
}
