package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Money;
import java.util.Optional;

/**
 * Limit key {@code maxGrossExposure}: the account's gross exposure plus this order's notional is
 * at most the limit. The whole notional counts, even for an order that flips a position
 * (conservative). An order without a price fails. Orders that shrink a position without flipping
 * it pass.
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
        Money gross = context.grossExposure(request.account());
        Money after = gross.plus(notional.get());
        if (!after.isGreaterThan(max.get())) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("gross exposure would be " + after + " (now " + gross + " + order " + notional.get()
                + "), above maxGrossExposure " + max.get());
    }
}
