package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.StrategyId;

/** What a position is held per: one account, one strategy, one instrument, one product. */
public record PositionKey(AccountId account, StrategyId strategy, InstrumentId instrument, Product product) {
    public PositionKey {
        requireNonNull(account, "account is null");
        requireNonNull(strategy, "strategy is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(product, "product is null");
    }

    @Override
    public String toString() {
        return account + "/" + strategy + "/" + instrument + "/" + product;
    }
}
