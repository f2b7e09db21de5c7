package io.openoms.domain.risk.checks;

import io.openoms.domain.value.Price;
import io.openoms.domain.value.Side;
import java.util.Optional;

/** Whether a stop loss or take profit lies on the side of the entry where it makes sense. */
final class StopLevels {
    private StopLevels() {}

    static Optional<String> stopLossProblem(Side side, Price entry, Price stopLoss) {
        boolean ok = side == Side.BUY ? stopLoss.isLessThan(entry) : stopLoss.isGreaterThan(entry);
        return ok
                ? Optional.empty()
                : Optional.of("stop loss " + stopLoss + " must be " + (side == Side.BUY ? "below" : "above")
                        + " the entry " + entry + " of a " + side);
    }

    static Optional<String> takeProfitProblem(Side side, Price entry, Price takeProfit) {
        boolean ok = side == Side.BUY ? takeProfit.isGreaterThan(entry) : takeProfit.isLessThan(entry);
        return ok
                ? Optional.empty()
                : Optional.of("take profit " + takeProfit + " must be " + (side == Side.BUY ? "above" : "below")
                        + " the entry " + entry + " of a " + side);
    }
}
