package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.reconciliation.FindingKind;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.value.AccountId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixes waiting for an admin under the {@code PROPOSE} policy: one per difference (account, kind,
 * subject), under the finding id that proposed it. Approve applies the fix through the engine (a fix the
 * engine does not take stays proposed); dismiss drops it; either decision is logged under the finding's
 * run. A proposal whose difference a later run no longer finds is dropped. Kept in memory: a restart drops
 * them and the next run proposes again. Thread safety: safe from any thread.
 */
final class ReconciliationProposals {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationProposals.class);

    /** A finding's fix: what it does, in words, and the engine call that does it. */
    record Fix(String description, Supplier<CompletableFuture<?>> apply) {}

    /** One difference, whichever run finds it. */
    record Key(AccountId account, FindingKind kind, String subject) {}

    private record Proposal(String findingId, Key key, ReconciliationFinding finding, Fix fix) {}

    private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
    private final Map<Key, String> proposed = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Consumer<List<ReconciliationFinding>> log;

    ReconciliationProposals(Clock clock, Consumer<List<ReconciliationFinding>> log) {
        this.clock = requireNonNull(clock, "clock is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** The finding id of the proposal still waiting for this difference, if any. */
    Optional<String> waiting(Key key) {
        return Optional.ofNullable(proposed.get(key)).filter(proposals::containsKey);
    }

    void propose(String findingId, Key key, ReconciliationFinding finding, Fix fix) {
        proposals.put(findingId, new Proposal(findingId, key, finding, fix));
        proposed.put(key, findingId);
    }

    /** Drops the proposals of {@code account} whose difference the run that just ended did not find. */
    void dropUnseen(AccountId account, Set<Key> seen) {
        proposed.keySet().removeIf(key -> {
            if (key.account().equals(account) && !seen.contains(key)) {
                String dropped = proposed.get(key);
                if (dropped != null) {
                    proposals.remove(dropped);
                    LOG.info("reconciliation: proposal {} dropped: its difference is no longer found", dropped);
                }
                return true;
            }
            return false;
        });
    }

    /** Fails with {@link NoSuchElementException} when no fix waits under that id. */
    CompletableFuture<ReconciliationFinding> approve(String findingId, String actor) {
        requireNonNull(actor, "actor is null");
        Optional<Proposal> taken = take(findingId);
        if (taken.isEmpty()) {
            return CompletableFuture.failedFuture(noProposal(findingId));
        }
        Proposal proposal = taken.get();
        CompletableFuture<?> applied;
        try {
            applied = proposal.fix().apply().get();
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        return applied.handle((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("approved fix {} was not applied; it stays proposed", findingId, failure);
                proposals.put(findingId, proposal);
                proposed.put(proposal.key(), findingId);
                throw new IllegalStateException(
                        "the engine did not apply the fix of " + findingId + "; it stays proposed: " + failure,
                        failure);
            }
            return decide(
                    proposal,
                    "approved by " + actor + ": applied " + proposal.fix().description());
        });
    }

    /** Fails with {@link NoSuchElementException} when no fix waits under that id. */
    CompletableFuture<ReconciliationFinding> dismiss(String findingId, String actor) {
        requireNonNull(actor, "actor is null");
        return take(findingId)
                .map(proposal -> CompletableFuture.completedFuture(decide(
                        proposal,
                        "dismissed by " + actor + ": not applied "
                                + proposal.fix().description())))
                .orElseGet(() -> CompletableFuture.failedFuture(noProposal(findingId)));
    }

    /** The ids of the fixes waiting for approval, oldest first. */
    List<String> pending() {
        return proposals.keySet().stream().sorted().toList();
    }

    private Optional<Proposal> take(String findingId) {
        requireNonNull(findingId, "findingId is null");
        Proposal proposal = proposals.remove(findingId);
        if (proposal == null) {
            return Optional.empty();
        }
        proposed.remove(proposal.key(), findingId);
        return Optional.of(proposal);
    }

    private static NoSuchElementException noProposal(String findingId) {
        return new NoSuchElementException("no fix waits for approval under " + findingId
                + " (it was decided, its difference is gone, or OpenOMS restarted: proposals are kept in memory)");
    }

    private ReconciliationFinding decide(Proposal proposal, String action) {
        ReconciliationFinding original = proposal.finding();
        ReconciliationFinding decision = new ReconciliationFinding(
                original.runId(),
                original.account(),
                original.kind(),
                original.subject(),
                original.expected(),
                original.actual(),
                action + " (finding " + proposal.findingId() + ")",
                clock.instant());
        LOG.info("reconciliation {}: {}", proposal.findingId(), decision.action());
        log.accept(List.of(decision));
        return decision;
    }
}
