package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Limit key {@code maxDirectionalSkewPercent}: after the order (its notional added to the long side
 * for a buy, to the short side for a sell), {@code |long - short| / (long + short)} as a percentage
 * is at most the limit. An order that lowers the imbalance passes even when the result is still
 * above the limit, so a skewed book can be rebalanced. Note that a flat account's first order is
 * 100% skewed: the limit suits long-short books that enter both legs. An order without a price
 * fails. Orders that shrink a position without flipping it pass.
 */
public final class MaxDirectionalSkewCheck implements RiskCheck {
    public static final String NAME = "MAX_DIRECTIONAL_SKEW";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<BigDecimal> max = context.limits(request.account()).maxDirectionalSkewPercent();
        if (max.isEmpty() || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Money> notional = OrderValuation.notional(request, context);
        if (notional.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxDirectionalSkewPercent"));
        }
        Money longBefore = context.longExposure(request.account());
        Money shortBefore = context.shortExposure(request.account());
        Money longAfter = request.side() == Side.BUY ? longBefore.plus(notional.get()) : longBefore;
        Money shortAfter = request.side() == Side.SELL ? shortBefore.plus(notional.get()) : shortBefore;
        Money grossAfter = longAfter.plus(shortAfter);
        if (!grossAfter.isPositive()) {
            return RiskCheckResult.pass();
        }
        Money imbalanceBefore = longBefore.minus(shortBefore).abs();
        Money imbalanceAfter = longAfter.minus(shortAfter).abs();
        BigDecimal skewPercent =
                imbalanceAfter.amount().multiply(HUNDRED).divide(grossAfter.amount(), DecimalPrecision.DIVISION);
        if (skewPercent.compareTo(max.get()) <= 0 || !imbalanceAfter.isGreaterThan(imbalanceBefore)) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("directional skew would be " + Texts.rounded(skewPercent) + "% (long "
                + longAfter + ", short " + shortAfter + " after " + Texts.order(request)
                + "), above maxDirectionalSkewPercent " + Texts.plain(max.get()));
    }
}
