package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * Limit key {@code maxPositionValue}: the absolute position after this order and the working
 * orders on the same side (as in {@link MaxPositionQuantityCheck}), valued at the order's price
 * ({@link OrderValuation}), is at most the limit. An order without a price fails. Orders that
 * shrink a position without flipping it pass.
 */
public final class MaxPositionValueCheck implements RiskCheck {
    public static final String NAME = "MAX_POSITION_VALUE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Money> max = context.limits(request.account())
                .forInstrument(request.instrument())
                .maxPositionValue();
        if (max.isEmpty()) {
            return RiskCheckResult.pass();
        }
        PositionEffect effect = PositionEffect.of(request, context);
        if (effect.shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Price> price = OrderValuation.price(request, context);
        if (price.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxPositionValue"));
        }
        Money value = Quantity.of(effect.after().abs()).times(price.get()).abs();
        if (!value.isGreaterThan(max.get())) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail(
                "position value " + value + " (" + Texts.plain(effect.after().abs()) + " × " + price.get() + ") after "
                        + Texts.order(request) + " would exceed maxPositionValue " + max.get());
    }
}
