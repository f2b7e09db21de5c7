package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import java.util.Optional;

/**
 * Limit key {@code maxOpenOrders}: the account's working orders, this one included, are at most
 * the limit. Exits are not exempt; a trader at the limit can always cancel.
 */
public final class MaxOpenOrdersCheck implements RiskCheck {
    public static final String NAME = "MAX_OPEN_ORDERS";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Integer> max = context.limits(request.account()).maxOpenOrders();
        if (max.isEmpty()) {
            return RiskCheckResult.pass();
        }
        long after = (long) context.openOrderCount(request.account()) + 1;
        if (after <= max.get()) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail(
                "open orders would be " + after + " with this order, above maxOpenOrders " + max.get());
    }
}
