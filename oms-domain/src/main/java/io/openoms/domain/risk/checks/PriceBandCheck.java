package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Limit key {@code priceBandPercent}: the limit and trigger prices lie within ±N% of the last
 * price, bounds included, to catch fat-finger prices. Market orders have no price to check and
 * pass. When a band is set and no last price is known the order fails (fail closed): a band
 * around nothing protects nothing. Reduce-only exits are not exempt.
 */
public final class PriceBandCheck implements RiskCheck {
    public static final String NAME = "PRICE_BAND";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<BigDecimal> percent = context.limits(request.account())
                .forInstrument(request.instrument())
                .priceBandPercent();
        if (percent.isEmpty() || request.referencePrice().isEmpty()) {
            return RiskCheckResult.pass();
        }
        Optional<Price> last = context.lastPrice(request.instrument());
        if (last.isEmpty()) {
            return RiskCheckResult.fail("cannot check priceBandPercent " + Texts.plain(percent.get())
                    + ": no last price is known for " + request.instrument());
        }
        BigDecimal lastValue = last.get().value();
        BigDecimal band = lastValue.abs().multiply(percent.get()).movePointLeft(2);
        Optional<String> problem = outside("limit", request.limitPrice(), lastValue, band, percent.get())
                .or(() -> outside("trigger", request.triggerPrice(), lastValue, band, percent.get()));
        return problem.map(RiskCheckResult::fail).orElse(RiskCheckResult.pass());
    }

    private static Optional<String> outside(
            String which, Optional<Price> price, BigDecimal last, BigDecimal band, BigDecimal percent) {
        if (price.isEmpty() || price.get().value().subtract(last).abs().compareTo(band) <= 0) {
            return Optional.empty();
        }
        return Optional.of(which + " price " + price.get() + " is outside priceBandPercent " + Texts.plain(percent)
                + " around the last price " + Texts.plain(last) + " (allowed " + Texts.plain(last.subtract(band))
                + " to " + Texts.plain(last.add(band)) + ")");
    }
}
