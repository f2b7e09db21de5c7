package io.openoms.domain.port.in;

import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and changes an account's risk limits and trading state (the kill switch). A change is durable
 * when its future completes with {@link LimitsChangeResult.Replaced} or {@link
 * TradingStateResult.Changed}, and applies to every order checked after that; a {@code Failed} result
 * says, with a {@link FailureCode}, why nothing changed. The futures themselves never fail. {@code
 * actor} names who made the change (an API key's name, or an automatic trigger).
 */
public interface RiskAdministration {
    RiskLimits limits(AccountId account);

    CompletableFuture<LimitsChangeResult> replaceLimits(AccountId account, RiskLimits limits, String actor);

    TradingStateChange tradingState(AccountId account);

    CompletableFuture<TradingStateResult> setTradingState(
            AccountId account, TradingState state, String reason, String actor);
}
