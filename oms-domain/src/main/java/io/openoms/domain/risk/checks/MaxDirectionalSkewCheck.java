package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Side;
import java.util.Optional;

/**
 * Limit key {@code maxDirectionalSkew}, an amount: after the order, the imbalance
 * {@code |long - short|} is at most the limit. The long side is the account's long exposure plus
 * its working buy orders ({@link RiskContext#openOrderNotional}), the short side its short
 * exposure plus its working sell orders; the order's notional is added to the long side for a
 * buy, to the short side for a sell. An order that does not increase the imbalance passes even
 * when the result is still above the limit, so that a skewed book can be rebalanced; and since
 * the limit is an amount, a flat account can open a first leg within it. An order without a price
 * fails. Orders that shrink a position without flipping it pass.
 */
public final class MaxDirectionalSkewCheck implements RiskCheck {
    public static final String NAME = "MAX_DIRECTIONAL_SKEW";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Money> max = context.limits(request.account()).maxDirectionalSkew();
        if (max.isEmpty() || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Money> notional = OrderValuation.notional(request, context);
        if (notional.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxDirectionalSkew"));
        }
        Money longBefore =
                context.longExposure(request.account()).plus(context.openOrderNotional(request.account(), Side.BUY));
        Money shortBefore =
                context.shortExposure(request.account()).plus(context.openOrderNotional(request.account(), Side.SELL));
        Money longAfter = request.side() == Side.BUY ? longBefore.plus(notional.get()) : longBefore;
        Money shortAfter = request.side() == Side.SELL ? shortBefore.plus(notional.get()) : shortBefore;
        Money imbalanceBefore = longBefore.minus(shortBefore).abs();
        Money imbalanceAfter = longAfter.minus(shortAfter).abs();
        if (!imbalanceAfter.isGreaterThan(max.get()) || !imbalanceAfter.isGreaterThan(imbalanceBefore)) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("directional skew would be " + imbalanceAfter + " (long " + longAfter
                + ", short " + shortAfter + " with working orders, after " + Texts.order(request)
                + "), above maxDirectionalSkew " + max.get());
    }
}
