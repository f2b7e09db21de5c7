package io.openoms.application.monitor;

import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the kill switch is told. */
public final class RecordingSignals implements KillSwitchSignals {
    public final List<String> lost = new CopyOnWriteArrayList<>();
    public final List<String> restored = new CopyOnWriteArrayList<>();
    public final List<List<ReconciliationFinding>> reconciled = new CopyOnWriteArrayList<>();

    @Override
    public void sessionLost(String broker, String reason) {
        lost.add(broker + ": " + reason);
    }

    @Override
    public void sessionRestored(String broker) {
        restored.add(broker);
    }

    @Override
    public void positionsReconciled(AccountId account, List<ReconciliationFinding> mismatches) {
        reconciled.add(List.copyOf(mismatches));
    }
}
