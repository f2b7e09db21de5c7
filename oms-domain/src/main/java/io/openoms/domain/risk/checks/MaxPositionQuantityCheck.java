package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * Limit key {@code maxPositionQuantity}: the absolute position in the instrument and product after
 * this order and the working orders on the same side, {@code |net + working + order|}, is at most
 * the limit, long or short. Orders that shrink a position without flipping it pass.
 */
public final class MaxPositionQuantityCheck implements RiskCheck {
    public static final String NAME = "MAX_POSITION_QUANTITY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Quantity> max = context.limits(request.account())
                .forInstrument(request.instrument())
                .maxPositionQuantity();
        if (max.isEmpty()) {
            return RiskCheckResult.pass();
        }
        PositionEffect effect = PositionEffect.of(request, context);
        if (effect.shrinksWithoutFlipping()
                || effect.after().abs().compareTo(max.get().value()) <= 0) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("position " + Texts.plain(effect.after().abs()) + " after "
                + Texts.order(request) + " would exceed maxPositionQuantity " + max.get() + " ("
                + Texts.position(effect, request) + ")");
    }
}
