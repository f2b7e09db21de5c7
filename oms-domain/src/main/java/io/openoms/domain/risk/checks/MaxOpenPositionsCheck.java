package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import java.util.Optional;

/**
 * Limit key {@code maxOpenPositions}: an order that would open a new position (the account is flat
 * in the instrument and product) is refused when the account already holds the maximum number of
 * open positions. Orders in instruments already held pass.
 */
public final class MaxOpenPositionsCheck implements RiskCheck {
    public static final String NAME = "MAX_OPEN_POSITIONS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Integer> max = context.limits(request.account()).maxOpenPositions();
        if (max.isEmpty() || !PositionEffect.of(request, context).opensNewPosition()) {
            return RiskCheckResult.pass();
        }
        long after = (long) context.openPositionCount(request.account()) + 1;
        if (after <= max.get()) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail(Texts.order(request) + " would open position number " + after + " of account "
                + request.account() + ", above maxOpenPositions " + max.get());
    }
}
