package io.openoms.domain.risk.checks;

import io.openoms.domain.instrument.CircuitLimits;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * The limit and trigger prices lie within the day's circuit band, bounds included: the exchange
 * would refuse the order, so it is refused here with the band in the message instead of after a
 * round trip. Market orders have no price and pass (they carry market protection). When market
 * data does not know the band the order passes: the band is the exchange's rule, checked again
 * there, and {@code PRICE_BAND} is the check that fails closed. Reduce-only exits are not exempt.
 */
public final class CircuitLimitCheck implements RiskCheck {
    public static final String NAME = "CIRCUIT_LIMIT";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        if (request.referencePrice().isEmpty()) {
            return RiskCheckResult.pass();
        }
        Optional<CircuitLimits> band = context.circuitLimits(request.instrument());
        if (band.isEmpty()) {
            return RiskCheckResult.pass();
        }
        return outside("limit", request.limitPrice(), band.get(), request)
                .or(() -> outside("trigger", request.triggerPrice(), band.get(), request))
                .map(RiskCheckResult::fail)
                .orElse(RiskCheckResult.pass());
    }

    private static Optional<String> outside(
            String which, Optional<Price> price, CircuitLimits band, OrderRequest request) {
        if (price.isEmpty() || band.contains(price.get())) {
            return Optional.empty();
        }
        return Optional.of(which + " price " + price.get() + " is outside today's circuit limits of "
                + request.instrument() + " (" + band + ")");
    }
}
