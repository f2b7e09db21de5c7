package io.openoms.domain.risk.checks;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The instrument's session is open at {@link RiskContext#now()}: a trading day that is not a
 * holiday, between the open (inclusive) and the close (exclusive). On by default; switched off by
 * {@code enforceMarketHours = false} for the account or the instrument. An instrument the catalog
 * does not know fails, as its session is unknown. Reduce-only exits are not exempt: the exchange
 * would refuse them anyway. Every refusal names the next session's open, so a caller knows when
 * to try again (OpenOMS does not queue after-market orders; see docs/india.md).
 */
public final class MarketHoursCheck implements RiskCheck {
    public static final String NAME = "MARKET_HOURS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        boolean enforce = context.limits(request.account())
                .forInstrument(request.instrument())
                .enforceMarketHours()
                .orElse(true);
        if (!enforce) {
            return RiskCheckResult.pass();
        }
        Optional<Instrument> instrument = context.instrument(request.instrument());
        if (instrument.isEmpty()) {
            return RiskCheckResult.fail(
                    "unknown instrument " + request.instrument() + ": its trading session cannot be checked");
        }
        TradingSession session = instrument.get().session();
        LocalDate date = session.localDate(context.now());
        if (session.isHoliday(date)) {
            return RiskCheckResult.fail(request.instrument() + " does not trade today: " + date
                    + " is an exchange holiday" + nextOpen(session, context));
        }
        if (!session.isTradingDay(date)) {
            return RiskCheckResult.fail(request.instrument() + " does not trade today: " + date.getDayOfWeek() + " "
                    + date + " is not a trading day" + nextOpen(session, context));
        }
        if (!session.isOpen(context.now())) {
            LocalTime local = context.now().atZone(session.zone()).toLocalTime().truncatedTo(ChronoUnit.SECONDS);
            return RiskCheckResult.fail(request.instrument() + " is outside session hours " + session.open() + "-"
                    + session.close() + " " + session.zone() + " (now " + local + ")" + nextOpen(session, context));
        }
        return RiskCheckResult.pass();
    }

    private static String nextOpen(TradingSession session, RiskContext context) {
        return session.nextOpen(context.now())
                .map(open -> {
                    LocalDateTime local = open.atZone(session.zone()).toLocalDateTime();
                    return "; the next session opens " + local.getDayOfWeek() + " " + local.toLocalDate() + " "
                            + local.toLocalTime() + " " + session.zone();
                })
                .orElse("");
    }
}
