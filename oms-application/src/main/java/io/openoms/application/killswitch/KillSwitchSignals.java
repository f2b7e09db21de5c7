package io.openoms.application.killswitch;

import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.util.List;

/**
 * What the order monitor and reconciliation tell the automatic kill switch. Calls return promptly
 * (a trip is requested, not awaited). Thread safety: implementations are safe from any thread.
 */
public interface KillSwitchSignals {
    /** A call to the broker answered that the session is gone. */
    void sessionLost(String broker, String reason);

    /** A call to the broker succeeded: its session is alive. */
    void sessionRestored(String broker);

    /**
     * A reconciliation run compared the account's positions with the broker's; {@code mismatches}
     * holds its position findings (mismatch, phantom, unknown), empty when they all matched.
     */
    void positionsReconciled(AccountId account, List<ReconciliationFinding> mismatches);
}
