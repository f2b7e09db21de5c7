package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine itself finds for the reconciliation log (orders adopted from a broker, payloads
 * quarantined): written once the unit that found it is durable, and a write failure only logged,
 * since the finding is also published as an event.
 */
final class EngineFindings {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFindings.class);

    private final ReconciliationLog reconciliationLog;

    EngineFindings(ReconciliationLog reconciliationLog) {
        this.reconciliationLog = requireNonNull(reconciliationLog, "reconciliationLog is null");
    }

    void writeWhenDurable(Unit unit, ReconciliationFinding finding) {
        unit.afterCommit(() -> write(finding));
    }

    private void write(ReconciliationFinding finding) {
        try {
            reconciliationLog.append(List.of(finding));
        } catch (RuntimeException e) {
            LOG.error("could not write to the reconciliation log: {}", finding, e);
        }
    }
}
