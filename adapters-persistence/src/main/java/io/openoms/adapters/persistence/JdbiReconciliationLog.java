package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The reconciliation log: findings appended in one transaction per call, read newest first or per run. */
final class JdbiReconciliationLog implements ReconciliationLog {
    private static final String COLUMNS = "run_id, account, kind, subject, expected, actual, action, found_at";

    private final Jdbi jdbi;

    JdbiReconciliationLog(Jdbi jdbi) {
        this.jdbi = requireNonNull(jdbi, "jdbi is null");
    }

    @Override
    public void append(List<ReconciliationFinding> findings) {
        List<ReconciliationFinding> list = List.copyOf(requireNonNull(findings, "findings is null"));
        if (list.isEmpty()) {
            return;
        }
        Reads.withHandle(
                jdbi,
                handle -> handle.inTransaction(tx -> {
                    PreparedBatch batch = tx.prepareBatch("INSERT INTO reconciliation_log (" + COLUMNS + ") VALUES"
                            + " (:run_id, :account, :kind, :subject, :expected, :actual, :action, :found_at)");
                    for (ReconciliationFinding f : list) {
                        batch.bind("run_id", f.runId())
                                .bind("account", f.account().value())
                                .bind("kind", f.kind().name())
                                .bind("subject", f.subject())
                                .bind("expected", f.expected())
                                .bind("actual", f.actual())
                                .bind("action", f.action())
                                .bind("found_at", Sql.timestamp(f.foundAt()))
                                .add();
                    }
                    return batch.execute();
                }));
    }

    @Override
    public List<ReconciliationFinding> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return Reads.withHandle(jdbi, handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM reconciliation_log ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit)
                .map(JdbiReconciliationLog::finding)
                .list());
    }

    @Override
    public List<ReconciliationFinding> ofRun(String runId) {
        requireNonNull(runId, "runId is null");
        return Reads.withHandle(jdbi, handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM reconciliation_log WHERE run_id = :run_id ORDER BY id")
                .bind("run_id", runId)
                .map(JdbiReconciliationLog::finding)
                .list());
    }

    private static ReconciliationFinding finding(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ReconciliationFinding(
                rs.getString("run_id"),
                AccountId.of(rs.getString("account")),
                FindingKind.valueOf(rs.getString("kind")),
                rs.getString("subject"),
                rs.getString("expected"),
                rs.getString("actual"),
                rs.getString("action"),
                Sql.instant(rs, "found_at"));
    }
}
