package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.reconciliation.ReconciliationFinding;
import java.time.Instant;
import java.util.List;

/** One reconciliation run: when it ran and what it found (empty when everything matched). */
public record ReconciliationReport(
        String runId, Instant startedAt, Instant finishedAt, List<ReconciliationFinding> findings) {
    public ReconciliationReport {
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        findings = List.copyOf(requireNonNull(findings, "findings is null"));
    }
}
