package io.openoms.domain.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import java.time.Instant;

/**
 * One difference found by a reconciliation run: what we expected, what the broker reported, and
 * what was done about it ({@code action}: applied, adopted, proposed, alert only, …). {@code subject}
 * names what the finding is about: an order id, a broker order id, or a position key.
 */
public record ReconciliationFinding(
        String runId,
        AccountId account,
        FindingKind kind,
        String subject,
        String expected,
        String actual,
        String action,
        Instant foundAt) {
    public ReconciliationFinding {
        requireNonNull(runId, "runId is null");
        requireNonNull(account, "account is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(actual, "actual is null");
        requireNonNull(action, "action is null");
        requireNonNull(foundAt, "foundAt is null");
    }
}
