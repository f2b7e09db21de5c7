package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Limit key {@code minRewardToRisk}, for requests that carry both a stop loss and a take profit:
 * {@code |takeProfit - entry| / |entry - stopLoss|} is at least the limit. The entry is the order's
 * price ({@link OrderValuation}). A stop loss or take profit on the wrong side of the entry fails,
 * as does an order without a price. Requests without both levels, and orders that shrink a
 * position without flipping it, pass.
 */
public final class MinRewardToRiskCheck implements RiskCheck {
    public static final String NAME = "MIN_REWARD_TO_RISK";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<BigDecimal> min = context.limits(request.account())
                .forInstrument(request.instrument())
                .minRewardToRisk();
        if (min.isEmpty()
                || request.stopLoss().isEmpty()
                || request.takeProfit().isEmpty()
                || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Price> entry = OrderValuation.price(request, context);
        if (entry.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "minRewardToRisk"));
        }
        Price stop = request.stopLoss().get();
        Price target = request.takeProfit().get();
        Optional<String> wrongSide = StopLevels.stopLossProblem(request.side(), entry.get(), stop)
                .or(() -> StopLevels.takeProfitProblem(request.side(), entry.get(), target));
        if (wrongSide.isPresent()) {
            return RiskCheckResult.fail(wrongSide.get());
        }
        BigDecimal reward = target.minus(entry.get()).abs();
        BigDecimal risk = entry.get().minus(stop).abs();
        // reward / risk >= min, compared without dividing: exact at the boundary, and cheaper
        if (reward.compareTo(min.get().multiply(risk)) >= 0) {
            return RiskCheckResult.pass();
        }
        BigDecimal ratio = reward.divide(risk, DecimalPrecision.DIVISION);
        return RiskCheckResult.fail("reward-to-risk " + Texts.rounded(ratio) + " (reward " + Texts.plain(reward)
                + " / risk " + Texts.plain(risk) + " per unit, entry " + entry.get() + ") is below minRewardToRisk "
                + Texts.plain(min.get()));
    }
}
