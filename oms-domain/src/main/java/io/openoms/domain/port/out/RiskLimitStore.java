package io.openoms.domain.port.out;

import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.Map;
import java.util.Optional;

/**
 * Risk limits and trading states per account, editable at runtime and restored at start-up.
 * A trading state survives restarts: a halted account stays halted until an admin resumes it.
 *
 * <p>Thread safety: safe to call from any thread. Each save is durable when it returns and
 * replaces the account's previous value whole.
 */
public interface RiskLimitStore {
    Optional<RiskLimits> limits(AccountId account);

    Map<AccountId, RiskLimits> allLimits();

    void saveLimits(AccountId account, RiskLimits limits);

    Optional<TradingStateChange> tradingState(AccountId account);

    Map<AccountId, TradingStateChange> allTradingStates();

    void saveTradingState(AccountId account, TradingStateChange change);
}
