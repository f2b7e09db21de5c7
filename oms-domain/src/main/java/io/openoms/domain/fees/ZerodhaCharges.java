package io.openoms.domain.fees;

import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zerodha's published charges for NSE and BSE equity and equity derivatives (zerodha.com/charges,
 * read 2026-12-07; docs/india.md cites them). Two tables: the exchanges' revised transaction
 * charges of 2024-10-01, and the Finance Act 2026's higher STT on futures (0.05%) and options
 * (0.15% of premium) from 2026-04-01. SEBI's fee is ₹10 per crore, i.e. 0.0001%.
 */
public final class ZerodhaCharges {
    private static final BigDecimal SEBI = new BigDecimal("0.0001");
    private static final BigDecimal GST = new BigDecimal("18");
    private static final Money TWENTY_RUPEES = Money.of(20);

    private ZerodhaCharges() {}

    public static FeeSchedule schedule() {
        return new FeeSchedule(List.of(
                table(LocalDate.of(2024, 10, 1), "0.02", "0.1"), table(LocalDate.of(2026, 4, 1), "0.05", "0.15")));
    }

    public static FeeModel model() {
        return new ScheduledFeeModel(schedule());
    }

    private static RateTable table(LocalDate from, String futuresStt, String optionsStt) {
        Map<String, BigDecimal> equityExchange = Map.of("NSE", pct("0.00297"), "BSE", pct("0.00375"));
        ChargeRates delivery = new ChargeRates(
                BigDecimal.ZERO,
                Optional.empty(),
                Optional.empty(),
                pct("0.1"),
                pct("0.1"),
                equityExchange,
                SEBI,
                pct("0.015"),
                GST);
        ChargeRates intraday = new ChargeRates(
                pct("0.03"),
                Optional.of(TWENTY_RUPEES),
                Optional.empty(),
                BigDecimal.ZERO,
                pct("0.025"),
                equityExchange,
                SEBI,
                pct("0.003"),
                GST);
        ChargeRates futures = new ChargeRates(
                pct("0.03"),
                Optional.of(TWENTY_RUPEES),
                Optional.empty(),
                BigDecimal.ZERO,
                pct(futuresStt),
                Map.of("NFO", pct("0.00173"), "BFO", BigDecimal.ZERO),
                SEBI,
                pct("0.002"),
                GST);
        ChargeRates options = new ChargeRates(
                BigDecimal.ZERO,
                Optional.empty(),
                Optional.of(TWENTY_RUPEES),
                BigDecimal.ZERO,
                pct(optionsStt),
                Map.of("NFO", pct("0.03503"), "BFO", pct("0.0325")),
                SEBI,
                pct("0.003"),
                GST);
        return new RateTable(
                from,
                Map.of(
                        ChargeSegment.EQUITY_DELIVERY, delivery,
                        ChargeSegment.EQUITY_INTRADAY, intraday,
                        ChargeSegment.FUTURES, futures,
                        ChargeSegment.OPTIONS, options));
    }

    private static BigDecimal pct(String percent) {
        return new BigDecimal(percent);
    }
}
