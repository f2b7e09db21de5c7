package io.openoms.domain.testing;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import java.util.ArrayList;
import java.util.List;

/** Reconciliation findings in memory, for tests. */
public final class InMemoryReconciliationLog implements ReconciliationLog {
    private final List<ReconciliationFinding> findings = new ArrayList<>();

    @Override
    public synchronized void append(List<ReconciliationFinding> newFindings) {
        findings.addAll(newFindings);
    }

    @Override
    public synchronized List<ReconciliationFinding> latest(int limit) {
        List<ReconciliationFinding> newestFirst = new ArrayList<>(findings);
        java.util.Collections.reverse(newestFirst);
        return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
    }

    @Override
    public synchronized List<ReconciliationFinding> ofRun(String runId) {
        return findings.stream().filter(f -> f.runId().equals(runId)).toList();
    }
}
