package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;

/**
 * A request marked {@code reduceOnly} must shrink the position without flipping it, counting the
 * working orders on the same side, so that two reduce-only exits cannot together flip a position.
 * Requests not marked reduce-only pass.
 */
public final class ReduceOnlyCheck implements RiskCheck {
    public static final String NAME = "REDUCE_ONLY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        if (!request.reduceOnly()) {
            return RiskCheckResult.pass();
        }
        PositionEffect effect = PositionEffect.of(request, context);
        if (effect.shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        String what;
        if (effect.committed().signum() == 0) {
            what = "there is nothing to reduce";
        } else if (effect.after().signum() != 0
                && effect.after().signum() != effect.committed().signum()) {
            what = "it would flip the position";
        } else {
            what = "it would grow the position";
        }
        return RiskCheckResult.fail("reduce-only " + Texts.order(request) + " refused: " + what + " ("
                + Texts.position(effect, request) + ")");
    }
}
