package io.openoms.domain.risk.checks;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.RiskCheck;
import io.openoms.domain.risk.RiskCheckResult;
import io.openoms.domain.risk.RiskContext;
import java.util.Optional;

/**
 * The quantity is one the venue accepts in one order: a whole number of lots, at least the
 * minimum, at most the maximum and the freeze quantity ({@link Instrument#quantityProblem}). An
 * instrument the catalog does not know fails: without its lot size nothing can be checked.
 */
public final class QuantityValidityCheck implements RiskCheck {
    public static final String NAME = "QUANTITY_VALIDITY";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RiskCheckResult check(OrderRequest request, RiskContext context) {
        Optional<Instrument> instrument = context.instrument(request.instrument());
        if (instrument.isEmpty()) {
            return RiskCheckResult.fail("unknown instrument " + request.instrument()
                    + ": its lot size and quantity limits cannot be checked");
        }
        return instrument
                .get()
                .quantityProblem(request.quantity())
                .map(RiskCheckResult::fail)
                .orElse(RiskCheckResult.pass());
    }
}
