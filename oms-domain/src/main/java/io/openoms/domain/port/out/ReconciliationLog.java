package io.openoms.domain.port.out;

import io.openoms.domain.reconciliation.ReconciliationFinding;
import java.util.List;

/**
 * The append-only log of reconciliation findings, newest last. Durable when {@link #append}
 * returns. Thread safety: safe to call from any thread.
 */
public interface ReconciliationLog {
    void append(List<ReconciliationFinding> findings);

    /** The most recent findings, up to {@code limit}, newest first. */
    List<ReconciliationFinding> latest(int limit);

    /** The findings of one run, in the order they were found. */
    List<ReconciliationFinding> ofRun(String runId);
}
