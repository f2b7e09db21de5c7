package io.openoms.domain.position;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.StrategyId;
import java.util.List;
import java.util.Optional;

/**
 * The portfolio view of one account: {@link PortfolioTotals} over all its positions, and the same
 * totals per strategy (ordered by strategy id; a strategy appears once it has had a position).
 */
public record AccountPortfolio(AccountId account, PortfolioTotals totals, List<StrategyPortfolio> strategies) {
    public AccountPortfolio {
        requireNonNull(account, "account is null");
        requireNonNull(totals, "totals is null");
        strategies = List.copyOf(requireNonNull(strategies, "strategies is null"));
    }

    public Optional<StrategyPortfolio> strategy(StrategyId strategy) {
        return strategies.stream().filter(s -> s.strategy().equals(strategy)).findFirst();
    }
}
