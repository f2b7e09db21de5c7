package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.engine.DayPnl;
import io.openoms.domain.value.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntradayPnlTest {
    private static final Instant DAY = Instant.parse("2026-12-07T03:45:00Z");

    private static DayPnl reading(Instant dayStart, long millisIntoDay, String pnl) {
        return new DayPnl(dayStart, Money.of(pnl), Money.of(pnl).max(Money.ZERO), dayStart.plusMillis(millisIntoDay));
    }

    @Test
    void readings_within_a_second_of_the_previous_point_replace_the_last_one_so_the_latest_value_shows() {
        IntradayPnl series = new IntradayPnl();
        series.record(reading(DAY, 0, "0"));
        series.record(reading(DAY, 1_000, "5"));
        series.record(reading(DAY, 1_300, "7.25"));
        series.record(reading(DAY, 1_600, "-2.50"));
        series.record(reading(DAY, 2_100, "1"));

        assertThat(series.points())
                .extracting(p -> p.pnl().amount().toPlainString())
                .containsExactly("0", "-2.5", "1");
    }

    @Test
    void a_stale_or_repeated_reading_is_ignored_and_a_new_trading_day_starts_an_empty_series() {
        IntradayPnl series = new IntradayPnl();
        series.record(reading(DAY, 5_000, "10"));
        series.record(reading(DAY, 5_000, "11"));
        series.record(reading(DAY, 4_000, "12"));
        Instant nextDay = DAY.plus(Duration.ofDays(1));
        series.record(reading(nextDay, 0, "0"));
        series.record(reading(DAY, 9_000, "13"));

        assertThat(series.points()).singleElement().satisfies(p -> assertThat(p.dayStart())
                .isEqualTo(nextDay));
    }

    @Test
    void a_full_day_of_readings_stays_bounded_keeping_the_first_and_the_latest() {
        IntradayPnl series = new IntradayPnl();
        int seconds = 6 * 60 * 60;
        for (int i = 0; i <= seconds; i++) {
            series.record(reading(DAY, i * 1_000L, Integer.toString(i)));
        }

        assertThat(series.points()).hasSizeLessThanOrEqualTo(IntradayPnl.MAX_POINTS);
        assertThat(series.points().get(0).pnl()).isEqualTo(Money.of("0"));
        assertThat(series.points().get(series.points().size() - 1).pnl())
                .isEqualTo(Money.of(Integer.toString(seconds)));
        assertThat(series.points()).isSortedAccordingTo((a, b) -> a.observedAt().compareTo(b.observedAt()));
    }
}
