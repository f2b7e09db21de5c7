package io.openoms.domain.testing.contract;

import static io.openoms.domain.testing.contract.ContractFixtures.ACC1;
import static io.openoms.domain.testing.contract.ContractFixtures.ACC2;
import static io.openoms.domain.testing.contract.ContractFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReconciliationLog}. An implementation's test extends this class, provides
 * the log and {@link #restartStore()}; every test starts on an empty log.
 *
 * <p>"Newest" means appended last, whatever the findings' {@code foundAt} (several findings of a
 * run share one instant); within one {@code append} the list order counts. Every field comes back
 * exactly, {@code foundAt} being whole microseconds.
 */
public abstract class ReconciliationLogContract {
    /** The log under test. */
    protected abstract ReconciliationLog reconciliationLog();

    /** Drops every in-memory object of the log and reopens it on the same data. */
    protected abstract void restartStore();

    @Test
    public void an_empty_log_has_no_findings() {
        assertThat(reconciliationLog().latest(10)).isEmpty();
        assertThat(reconciliationLog().ofRun("run-1")).isEmpty();
    }

    @Test
    public void the_latest_findings_come_newest_first_up_to_the_limit() {
        List<ReconciliationFinding> run1 = run("run-1", ACC1, 3);
        List<ReconciliationFinding> run2 = run("run-2", ACC2, 4);
        reconciliationLog().append(run1);
        reconciliationLog().append(run2);

        assertThat(reconciliationLog().latest(2)).containsExactly(run2.get(3), run2.get(2));
        List<ReconciliationFinding> newestFirst = new ArrayList<>(run1);
        newestFirst.addAll(run2);
        Collections.reverse(newestFirst);
        assertThat(reconciliationLog().latest(100)).containsExactlyElementsOf(newestFirst);
        assertThat(reconciliationLog().latest(7)).containsExactlyElementsOf(newestFirst);
    }

    @Test
    public void a_run_lists_its_findings_in_the_order_they_were_found() {
        List<ReconciliationFinding> run1 = run("run-1", ACC1, 3);
        List<ReconciliationFinding> run2 = run("run-2", ACC2, 2);
        reconciliationLog().append(run1.subList(0, 2));
        reconciliationLog().append(run2);
        reconciliationLog().append(run1.subList(2, 3));

        assertThat(reconciliationLog().ofRun("run-1")).containsExactlyElementsOf(run1);
        assertThat(reconciliationLog().ofRun("run-2")).containsExactlyElementsOf(run2);
        assertThat(reconciliationLog().ofRun("run-3")).isEmpty();
    }

    @Test
    public void findings_survive_a_restart_with_every_field() {
        List<ReconciliationFinding> findings = new ArrayList<>();
        int i = 0;
        for (FindingKind kind : FindingKind.values()) {
            findings.add(new ReconciliationFinding(
                    "2024-03-04T04:30:00Z#" + (i % 2),
                    i % 2 == 0 ? ACC1 : ACC2,
                    kind,
                    "ACC1/momentum/NSE:INFY/CNC",
                    "quantity 10.5 at 1500.05",
                    "",
                    i % 3 == 0 ? "alert only" : "applied: trusted the broker's fill T-" + i,
                    T0.plusNanos(1000L * i)));
            i++;
        }
        reconciliationLog().append(findings);
        restartStore();

        List<ReconciliationFinding> newestFirst = new ArrayList<>(findings);
        Collections.reverse(newestFirst);
        assertThat(reconciliationLog().latest(100)).containsExactlyElementsOf(newestFirst);
        assertThat(reconciliationLog().ofRun("2024-03-04T04:30:00Z#1"))
                .containsExactlyElementsOf(
                        findings.stream().filter(f -> f.runId().endsWith("#1")).toList());
    }

    /** {@code count} findings of one run, all found in the same instant. */
    private static List<ReconciliationFinding> run(String runId, AccountId account, int count) {
        List<ReconciliationFinding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            findings.add(new ReconciliationFinding(
                    runId,
                    account,
                    FindingKind.values()[i % FindingKind.values().length],
                    "O" + i,
                    String.valueOf(i),
                    String.valueOf(i + 1),
                    "alert only",
                    T0));
        }
        return findings;
    }
}
