package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.StrategyId;
import java.util.Optional;

/** Cancel every open order matching all the present criteria. */
public record CancelAllOrders(
        Optional<AccountId> account, Optional<StrategyId> strategy, Optional<InstrumentId> instrument) {
    public CancelAllOrders {
        requireNonNull(account, "account is null");
        requireNonNull(strategy, "strategy is null");
        requireNonNull(instrument, "instrument is null");
    }

    public static CancelAllOrders everything() {
        return new CancelAllOrders(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
