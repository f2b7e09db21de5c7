package io.openoms.application.killswitch;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.AccountId;

/** A trigger moved an account to {@code state} for {@code reason}. */
public record KillSwitchTrip(AccountId account, KillSwitchTrigger trigger, TradingState state, String reason) {
    public KillSwitchTrip {
        requireNonNull(account, "account is null");
        requireNonNull(trigger, "trigger is null");
        requireNonNull(state, "state is null");
        requireNonNull(reason, "reason is null");
    }
}
