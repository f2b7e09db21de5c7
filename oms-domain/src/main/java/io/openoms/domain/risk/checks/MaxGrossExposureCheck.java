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
 * Limit key {@code maxGrossExposure}: the account's gross exposure, plus the notional of its
 * working buy and sell orders ({@link RiskContext#openOrderNotional}), plus this order's notional,
 * is at most the limit. Working orders count so that orders stacked one after another cannot
 * together exceed the limit. The whole notional counts, even for an order that flips or closes a
 * position (conservative). An order without a price fails. Orders that shrink a position without
 * flipping it pass.
 */
public final class MaxGrossExposureCheck implements RiskCheck {
    public static final String NAME = "MAX_GROSS_EXPOSURE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Money> max = context.limits(request.account()).maxGrossExposure();
        if (max.isEmpty() || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Money> notional = OrderValuation.notional(request, context);
        if (notional.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxGrossExposure"));
        }
        Money positions = context.grossExposure(request.account());
        Money working = context.openOrderNotional(request.account(), Side.BUY)
                .plus(context.openOrderNotional(request.account(), Side.SELL));
        Money after = positions.plus(working).plus(notional.get());
        if (!after.isGreaterThan(max.get())) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("gross exposure would be " + after + " (positions " + positions
                + " + working orders " + working + " + order " + notional.get() + "), above maxGrossExposure "
                + max.get());
    }
}
