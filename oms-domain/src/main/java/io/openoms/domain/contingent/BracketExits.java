package io.openoms.domain.contingent;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Price;
import java.util.Optional;

/**
 * The exits of a bracket: a take-profit LIMIT at {@code takeProfit}, and a stop-loss triggered at
 * {@code stopTrigger}, sent as STOP (market) or, with {@code stopLimit}, as STOP_LIMIT.
 */
public record BracketExits(Price takeProfit, Price stopTrigger, Optional<Price> stopLimit) {
    public BracketExits {
        requireNonNull(takeProfit, "takeProfit is null");
        requireNonNull(stopTrigger, "stopTrigger is null");
        requireNonNull(stopLimit, "stopLimit is null");
    }
}
