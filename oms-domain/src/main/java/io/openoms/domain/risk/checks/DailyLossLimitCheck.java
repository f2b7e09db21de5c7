package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Money;
import java.math.BigDecimal;

/**
 * Limit keys {@code dailyLossLimit} (an amount) and {@code dailyLossLimitPercent} (of capital):
 * once the day's P&amp;L is at or below minus the limit, new orders are refused. When both are set,
 * both apply. Orders that shrink a position without flipping it pass.
 */
public final class DailyLossLimitCheck implements RiskCheck {
    public static final String NAME = "DAILY_LOSS_LIMIT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        RiskLimits limits = context.limits(request.account());
        if (limits.dailyLossLimit().isEmpty() && limits.dailyLossLimitPercent().isEmpty()) {
            return RiskCheckResult.pass();
        }
        if (PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Money pnl = context.dailyPnl(request.account());
        if (limits.dailyLossLimit().isPresent()
                && reached(pnl, limits.dailyLossLimit().get())) {
            return RiskCheckResult.fail("daily P&L " + pnl + " has reached dailyLossLimit "
                    + limits.dailyLossLimit().get() + "; only orders that reduce a position pass");
        }
        if (limits.dailyLossLimitPercent().isPresent()) {
            BigDecimal percent = limits.dailyLossLimitPercent().get();
            Money capital = context.capital(request.account());
            Money limit = capital.percent(percent);
            if (reached(pnl, limit)) {
                return RiskCheckResult.fail("daily P&L " + pnl + " has reached dailyLossLimitPercent "
                        + Texts.plain(percent) + " of capital " + capital + " (" + limit
                        + "); only orders that reduce a position pass");
            }
        }
        return RiskCheckResult.pass();
    }

    private static boolean reached(Money pnl, Money limit) {
        return !pnl.isGreaterThan(limit.negate());
    }
}
