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
 * Limit key {@code checkBuyingPower} (on unless switched off): the notional of an order that opens
 * or grows a position, long or short, is at most {@link RiskContext#buyingPower}. The full notional
 * counts, without the broker's leverage, so the check is conservative for intraday products. An
 * order without a price fails. Orders that shrink a position without flipping it (a sell out of a
 * long, a buy to cover) pass.
 */
public final class BuyingPowerCheck implements RiskCheck {
    public static final String NAME = "BUYING_POWER";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        if (!context.limits(request.account()).checkBuyingPower()
                || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Money> notional = OrderValuation.notional(request, context);
        if (notional.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "checkBuyingPower"));
        }
        Money buyingPower = context.buyingPower(request.account());
        if (!notional.get().isGreaterThan(buyingPower)) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("order notional " + notional.get() + " of " + Texts.order(request)
                + " exceeds buying power " + buyingPower + " (checkBuyingPower)");
    }
}
