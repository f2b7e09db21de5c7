package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.StrategyId;

/** The {@link PortfolioTotals} of one strategy's positions in one account. */
public record StrategyPortfolio(StrategyId strategy, PortfolioTotals totals) {
    public StrategyPortfolio {
        requireNonNull(strategy, "strategy is null");
        requireNonNull(totals, "totals is null");
    }
}
