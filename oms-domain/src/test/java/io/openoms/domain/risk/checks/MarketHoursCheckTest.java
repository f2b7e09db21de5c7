package io.openoms.domain.risk.checks;

import static io.openoms.domain.risk.FakeRiskContext.INFY;
import static io.openoms.domain.risk.FakeRiskContext.context;
import static io.openoms.domain.risk.FakeRiskContext.limitBuy;
import static io.openoms.domain.risk.RiskAssertions.assertFails;
import static io.openoms.domain.risk.RiskAssertions.assertPasses;

import io.openoms.domain.risk.FakeRiskContext;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketHoursCheckTest {
    private final MarketHoursCheck check = new MarketHoursCheck();

    // IST is UTC+05:30: 09:15 IST is 03:45Z, 15:30 IST is 10:00Z
    private static FakeRiskContext at(String utc) {
        return context().limits(RiskLimits.defaults()).now(Instant.parse(utc));
    }

    @Test
    void an_order_at_the_open_passes() {
        assertPasses(check.check(limitBuy(1, "1500"), at("2024-06-03T03:45:00Z")));
    }

    @Test
    void an_order_one_second_before_the_open_fails_as_outside_session_hours() {
        assertFails(
                check.check(limitBuy(1, "1500"), at("2024-06-03T03:44:59Z")),
                "outside session hours 09:15-15:30 Asia/Kolkata (now 09:14:59); the next session opens MONDAY 2024-06-03"
                        + " 09:15 Asia/Kolkata");
    }

    @Test
    void an_order_one_second_before_the_close_passes_and_at_the_close_fails() {
        assertPasses(check.check(limitBuy(1, "1500"), at("2024-06-03T09:59:59Z")));
        assertFails(
                check.check(limitBuy(1, "1500"), at("2024-06-03T10:00:00Z")),
                "outside session hours",
                "the next session opens TUESDAY 2024-06-04 09:15 Asia/Kolkata");
    }

    @Test
    void an_order_on_a_holiday_fails_naming_the_holiday() {
        // 2024-08-15 (a Thursday) is the fixture's holiday; 10:00 IST
        assertFails(
                check.check(limitBuy(1, "1500"), at("2024-08-15T04:30:00Z")),
                "2024-08-15 is an exchange holiday; the next session opens FRIDAY 2024-08-16 09:15");
    }

    @Test
    void an_order_on_a_weekend_fails_as_not_a_trading_day() {
        assertFails(
                check.check(limitBuy(1, "1500"), at("2024-06-01T04:30:00Z")),
                "SATURDAY 2024-06-01 is not a trading day; the next session opens MONDAY 2024-06-03 09:15");
    }

    @Test
    void the_check_is_off_when_the_account_does_not_enforce_market_hours() {
        FakeRiskContext holiday = at("2024-08-15T04:30:00Z").limits(RiskLimits.none());
        assertPasses(check.check(limitBuy(1, "1500"), holiday));
    }

    @Test
    void an_instrument_override_beats_the_account_setting() {
        RiskLimits offForInfy = RiskLimits.builder()
                .enforceMarketHours(true)
                .instrumentOverride(
                        INFY,
                        InstrumentRiskLimits.builder().enforceMarketHours(false).build())
                .build();
        assertPasses(check.check(limitBuy(1, "1500"), at("2024-08-15T04:30:00Z").limits(offForInfy)));

        RiskLimits onForInfy = RiskLimits.builder()
                .enforceMarketHours(false)
                .instrumentOverride(
                        INFY,
                        InstrumentRiskLimits.builder().enforceMarketHours(true).build())
                .build();
        assertFails(check.check(limitBuy(1, "1500"), at("2024-08-15T04:30:00Z").limits(onForInfy)), "holiday");
    }

    @Test
    void an_unknown_instrument_fails_closed() {
        assertFails(
                check.check(limitBuy(1, "1500"), at("2024-06-03T04:30:00Z").withoutInstrument(INFY)),
                "unknown instrument");
    }
}
