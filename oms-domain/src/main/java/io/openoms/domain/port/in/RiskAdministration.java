package io.openoms.domain.port.in;

import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and changes an account's risk limits and trading state (the kill switch). Changes are
 * durable when the future completes and apply to every order checked after that. {@code actor}
 * names who made the change (an API key's name, or an automatic trigger).
 */
public interface RiskAdministration {
    RiskLimits limits(AccountId account);

    CompletableFuture<RiskLimits> replaceLimits(AccountId account, RiskLimits limits, String actor);

    TradingStateChange tradingState(AccountId account);

    CompletableFuture<TradingStateChange> setTradingState(
            AccountId account, TradingState state, String reason, String actor);
}
