package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/** Limit key {@code maxOrderQuantity}: the order's quantity is at most the limit. Exits are not exempt. */
public final class MaxOrderQuantityCheck implements RiskCheck {
    public static final String NAME = "MAX_ORDER_QUANTITY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Quantity> max = context.limits(request.account())
                .forInstrument(request.instrument())
                .maxOrderQuantity();
        if (max.isEmpty() || !request.quantity().isGreaterThan(max.get())) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("order quantity " + request.quantity() + " exceeds maxOrderQuantity " + max.get());
    }
}
