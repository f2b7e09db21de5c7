package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation run's findings, alerts and the differences it saw, in the order found; each
 * finding's fix is acted on by the account's policy: applied through the engine ({@code TRUST_BROKER}),
 * proposed to an admin ({@code PROPOSE}), or only reported ({@code ALERT_ONLY}). One run, one thread.
 */
final class ReconciliationRun {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationRun.class);

    final String runId;
    final List<ReconciliationFinding> findings = new ArrayList<>();
    final List<OmsEvent> alerts = new ArrayList<>();
    final Set<ReconciliationProposals.Key> seen = new HashSet<>();
    private final ReconciliationConfig config;
    private final ReconciliationProposals proposals;
    private final Clock clock;

    ReconciliationRun(String runId, ReconciliationConfig config, ReconciliationProposals proposals, Clock clock) {
        this.runId = requireNonNull(runId, "runId is null");
        this.config = requireNonNull(config, "config is null");
        this.proposals = requireNonNull(proposals, "proposals is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Records a finding with no fix: reported only, under every policy. */
    void report(AccountId account, FindingKind kind, String subject, String expected, String actual, String action) {
        findings.add(finding(account, kind, subject, expected, actual, action));
    }

    /** Records a finding and acts on its fix by the account's policy; true when the fix was applied. */
    boolean act(
            AccountId account,
            FindingKind kind,
            String subject,
            String expected,
            String actual,
            ReconciliationProposals.Fix fix) {
        ReconciliationPolicy policy = config.policy(account);
        String action;
        boolean applied = false;
        ReconciliationProposals.Key key = new ReconciliationProposals.Key(account, kind, subject);
        switch (policy) {
            case TRUST_BROKER -> {
                applied = await(fix.apply().get(), subject);
                action = applied
                        ? "applied: " + fix.description()
                        : "not applied (the engine did not take it; the next run retries): " + fix.description();
            }
            case PROPOSE -> {
                Optional<String> waiting = proposals.waiting(key);
                if (waiting.isPresent()) {
                    action = "proposed, awaiting approve or dismiss of " + waiting.get() + ": " + fix.description();
                } else {
                    String findingId = runId + ":" + findings.size();
                    action = "proposed, approve or dismiss " + findingId + ": " + fix.description();
                    ReconciliationFinding finding = finding(account, kind, subject, expected, actual, action);
                    proposals.propose(findingId, key, finding, fix);
                    findings.add(finding);
                    seen.add(key);
                    return false;
                }
            }
            case ALERT_ONLY -> action = "alert only, not applied: " + fix.description();
            default -> throw new IllegalStateException("unknown policy " + policy);
        }
        seen.add(key);
        findings.add(finding(account, kind, subject, expected, actual, action));
        return applied;
    }

    private ReconciliationFinding finding(
            AccountId account, FindingKind kind, String subject, String expected, String actual, String action) {
        LOG.warn("reconciliation {} {} {}: expected {}, broker {}; {}", runId, kind, subject, expected, actual, action);
        return new ReconciliationFinding(runId, account, kind, subject, expected, actual, action, clock.instant());
    }

    private boolean await(CompletableFuture<?> future, String what) {
        try {
            future.get(config.engineTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("reconciliation: the engine did not apply the fix of {}: {}", what, e.toString());
        }
        return false;
    }
}
