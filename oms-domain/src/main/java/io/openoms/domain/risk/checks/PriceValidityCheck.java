package io.openoms.domain.risk.checks;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * The limit and trigger prices, when present, are positive and on the instrument's tick grid
 * ({@link Instrument#priceProblem}). An instrument the catalog does not know fails, even for a
 * market order, so that an unknown instrument is refused whichever checks are configured.
 */
public final class PriceValidityCheck implements RiskCheck {
    public static final String NAME = "PRICE_VALIDITY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Instrument> instrument = context.instrument(request.instrument());
        if (instrument.isEmpty()) {
            return RiskCheckResult.fail(
                    "unknown instrument " + request.instrument() + ": its tick size cannot be checked");
        }
        Optional<String> problem = problem("limit", request.limitPrice(), instrument.get())
                .or(() -> problem("trigger", request.triggerPrice(), instrument.get()));
        return problem.map(RiskCheckResult::fail).orElse(RiskCheckResult.pass());
    }

    private static Optional<String> problem(String which, Optional<Price> price, Instrument instrument) {
        return price.flatMap(instrument::priceProblem).map(reason -> which + " " + reason);
    }
}
