package io.openoms.domain.port.in;

import io.openoms.domain.reconciliation.ReconciliationFinding;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Compares OpenOMS's orders, fills and positions with the broker's, on demand (the schedule runs it
 * too), and administers findings that wait for approval under the {@code PROPOSE} policy. A finding
 * is addressed as {@code runId:index}, its position in {@link #ofRun}.
 */
public interface Reconciliation {
    CompletableFuture<ReconciliationReport> runNow();

    /** The most recent findings, newest first. */
    List<ReconciliationFinding> latest(int limit);

    List<ReconciliationFinding> ofRun(String runId);

    /** Applies a proposed fix; the result says what was done. */
    CompletableFuture<ReconciliationFinding> approve(String findingId, String actor);

    /** Discards a proposed fix, keeping the finding in the log. */
    CompletableFuture<ReconciliationFinding> dismiss(String findingId, String actor);
}
