package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.TradingState;

/**
 * The account's {@link TradingState}: {@code ACTIVE} lets everything through; {@code REDUCING}
 * only orders that shrink the position without flipping it; {@code HALTED} only such orders that
 * are also explicitly marked {@code reduceOnly}. Working orders on the same side count (see
 * {@link PositionEffect}).
 */
public final class TradingStateCheck implements RiskCheck {
    public static final String NAME = "TRADING_STATE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        TradingState state = context.tradingState(request.account());
        if (state == TradingState.ACTIVE) {
            return RiskCheckResult.pass();
        }
        PositionEffect effect = PositionEffect.of(request, context);
        boolean shrinks = effect.shrinksWithoutFlipping();
        if (state == TradingState.REDUCING) {
            return shrinks
                    ? RiskCheckResult.pass()
                    : RiskCheckResult.fail("account " + request.account()
                            + " is REDUCING: only orders that shrink a position pass, and " + Texts.order(request)
                            + " does not (" + Texts.position(effect, request) + ")");
        }
        if (!request.reduceOnly()) {
            return RiskCheckResult.fail("account " + request.account()
                    + " is HALTED: only reduce-only orders that shrink a position pass, and "
                    + Texts.order(request) + " is not marked reduce-only");
        }
        return shrinks
                ? RiskCheckResult.pass()
                : RiskCheckResult.fail("account " + request.account()
                        + " is HALTED: only reduce-only orders that shrink a position pass, and "
                        + Texts.order(request) + " does not (" + Texts.position(effect, request) + ")");
    }
}
