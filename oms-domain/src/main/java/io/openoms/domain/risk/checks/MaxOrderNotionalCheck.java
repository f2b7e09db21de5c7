package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * Limit key {@code maxOrderNotional}: quantity × price (as {@link OrderValuation} prices the order)
 * is at most the limit. An order with no price of its own and no last price fails. Exits are not
 * exempt.
 */
public final class MaxOrderNotionalCheck implements RiskCheck {
    public static final String NAME = "MAX_ORDER_NOTIONAL";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Money> max = context.limits(request.account())
                .forInstrument(request.instrument())
                .maxOrderNotional();
        if (max.isEmpty()) {
            return RiskCheckResult.pass();
        }
        Optional<Price> price = OrderValuation.price(request, context);
        if (price.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxOrderNotional"));
        }
        Money notional = request.quantity().times(price.get()).abs();
        if (!notional.isGreaterThan(max.get())) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("order notional " + notional + " (" + request.quantity() + " × " + price.get()
                + ") exceeds maxOrderNotional " + max.get());
    }
}
