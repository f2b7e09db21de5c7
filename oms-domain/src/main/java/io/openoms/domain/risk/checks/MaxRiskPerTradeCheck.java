package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.OrderValuation;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Limit key {@code maxRiskPerTradePercent}, for requests that carry a stop loss: the amount lost if
 * the stop is hit, {@code |entry - stopLoss| × quantity}, is at most that percentage of
 * {@link RiskContext#capital}. The entry is the order's price ({@link OrderValuation}). A stop on
 * the wrong side of the entry (at or above it for a buy, at or below it for a sell) fails, as does
 * an order without a price. Requests without a stop loss, and orders that shrink a position
 * without flipping it, pass.
 */
public final class MaxRiskPerTradeCheck implements RiskCheck {
    public static final String NAME = "MAX_RISK_PER_TRADE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<BigDecimal> percent = context.limits(request.account())
                .forInstrument(request.instrument())
                .maxRiskPerTradePercent();
        if (percent.isEmpty()
                || request.stopLoss().isEmpty()
                || PositionEffect.of(request, context).shrinksWithoutFlipping()) {
            return RiskCheckResult.pass();
        }
        Optional<Price> entry = OrderValuation.price(request, context);
        if (entry.isEmpty()) {
            return RiskCheckResult.fail(OrderValuation.noPriceReason(request, "maxRiskPerTradePercent"));
        }
        Price stop = request.stopLoss().get();
        Optional<String> wrongSide = StopLevels.stopLossProblem(request.side(), entry.get(), stop);
        if (wrongSide.isPresent()) {
            return RiskCheckResult.fail(wrongSide.get());
        }
        BigDecimal perUnit = entry.get().minus(stop).abs();
        Money risk = request.quantity().times(Price.of(perUnit));
        Money capital = context.capital(request.account());
        Money allowed = capital.percent(percent.get());
        if (!risk.isGreaterThan(allowed)) {
            return RiskCheckResult.pass();
        }
        return RiskCheckResult.fail("risk " + risk + " (|" + entry.get() + " - " + stop + "| × " + request.quantity()
                + ") exceeds maxRiskPerTradePercent " + Texts.plain(percent.get()) + " of capital " + capital + " ("
                + allowed + ")");
    }
}
