package io.openoms.domain.testing;

import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Risk limits and trading states in memory, for tests. */
public final class InMemoryRiskLimitStore implements RiskLimitStore {
    private final Map<AccountId, RiskLimits> limits = new ConcurrentHashMap<>();
    private final Map<AccountId, TradingStateChange> states = new ConcurrentHashMap<>();

    @Override
    public Optional<RiskLimits> limits(AccountId account) {
        return Optional.ofNullable(limits.get(account));
    }

    @Override
    public Map<AccountId, RiskLimits> allLimits() {
        return Map.copyOf(limits);
    }

    @Override
    public void saveLimits(AccountId account, RiskLimits value) {
        limits.put(account, value);
    }

    @Override
    public Optional<TradingStateChange> tradingState(AccountId account) {
        return Optional.ofNullable(states.get(account));
    }

    @Override
    public Map<AccountId, TradingStateChange> allTradingStates() {
        return Map.copyOf(states);
    }

    @Override
    public void saveTradingState(AccountId account, TradingStateChange change) {
        states.put(account, change);
    }
}
