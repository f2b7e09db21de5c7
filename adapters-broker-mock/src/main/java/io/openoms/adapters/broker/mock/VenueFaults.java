package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fault switches of one simulated venue, settable at runtime by tests and seeded from the
 * configuration's {@link FaultProbabilities}. Counters ("the next N placements ...") are exact
 * and consumed in call order; probabilities are drawn from the venue's seeded fault random, so a
 * run is reproducible for a given seed and call sequence. A counter is consulted before the
 * probability; when a counter fires, no draw is made.
 *
 * <p>Thread safety: every method is safe from any thread; a change applies from the next call into
 * the venue.
 */
public final class VenueFaults {
    private final Map<VenueOperation, Deque<String>> rejections = new EnumMap<>(VenueOperation.class);
    private final Map<VenueOperation, Integer> timeoutsAfterApplying = new EnumMap<>(VenueOperation.class);
    private final Map<VenueOperation, Integer> timeoutsBeforeApplying = new EnumMap<>(VenueOperation.class);
    private final Map<VenueOperation, Integer> rateLimits = new EnumMap<>(VenueOperation.class);
    private final Deque<String> rejectionsAfterAcknowledgement = new ArrayDeque<>();
    private FaultProbabilities probabilities;
    private boolean duplicateAllUpdates;
    private int duplicateNextUpdates;
    private int malformNextUpdates;
    private int reorderNextPlacements;
    private int fillBeforeNextCancels;
    private int hideNextPlacements;
    private int hideForSteps;
    private boolean sessionExpired;

    public VenueFaults(FaultProbabilities probabilities) {
        this.probabilities = requireNonNull(probabilities, "probabilities is null");
    }

    /** The next {@code count} calls of {@code operation} are refused with {@code reason} ({@code Rejected}); nothing happens. */
    public synchronized VenueFaults rejectNext(VenueOperation operation, int count, String reason) {
        requireNonNull(operation, "operation is null");
        requireNonNull(reason, "reason is null");
        Deque<String> queue = rejections.computeIfAbsent(operation, ignored -> new ArrayDeque<>());
        for (int i = 0; i < requireCount(count); i++) {
            queue.add(reason);
        }
        return this;
    }

    /**
     * The next {@code count} calls of {@code operation} take effect at the venue, then answer
     * {@code OutcomeUnknown} (the reply was lost): a placed order lives, a cancel cancels, a modify modifies.
     */
    public synchronized VenueFaults timeoutAfterApplyingNext(VenueOperation operation, int count) {
        timeoutsAfterApplying.merge(requireNonNull(operation, "operation is null"), requireCount(count), Integer::sum);
        return this;
    }

    /** The next {@code count} calls of {@code operation} answer {@code OutcomeUnknown} and never reach the venue. */
    public synchronized VenueFaults timeoutBeforeApplyingNext(VenueOperation operation, int count) {
        timeoutsBeforeApplying.merge(requireNonNull(operation, "operation is null"), requireCount(count), Integer::sum);
        return this;
    }

    /** The next {@code count} calls of {@code operation} are refused as rate limited (HTTP 429); nothing happens. */
    public synchronized VenueFaults rateLimitNext(VenueOperation operation, int count) {
        rateLimits.merge(requireNonNull(operation, "operation is null"), requireCount(count), Integer::sum);
        return this;
    }

    /**
     * The next {@code count} placements are taken (the call succeeds with a broker order id), then
     * refused by the exchange when acknowledged: the order's update says {@code REJECTED} with {@code reason}.
     */
    public synchronized VenueFaults rejectAfterAcknowledgementNext(int count, String reason) {
        requireNonNull(reason, "reason is null");
        for (int i = 0; i < requireCount(count); i++) {
            rejectionsAfterAcknowledgement.add(reason);
        }
        return this;
    }

    /** While on, every update is pushed twice. */
    public synchronized VenueFaults duplicateAllUpdates(boolean on) {
        this.duplicateAllUpdates = on;
        return this;
    }

    /** The next {@code count} updates are pushed twice each. */
    public synchronized VenueFaults duplicateNextUpdates(int count) {
        duplicateNextUpdates += requireCount(count);
        return this;
    }

    /**
     * The next {@code count} updates are replaced by a malformed payload (truncated JSON): the
     * update itself never arrives, as when a real stream message cannot be parsed.
     */
    public synchronized VenueFaults malformNextUpdates(int count) {
        malformNextUpdates += requireCount(count);
        return this;
    }

    /**
     * The acknowledgement of each of the next {@code count} placed orders is held back and pushed
     * right after that order's next update (its first fill, or its cancel): a fill arrives before
     * the ack, and the stale ack after it.
     */
    public synchronized VenueFaults reorderNextPlacements(int count) {
        reorderNextPlacements += requireCount(count);
        return this;
    }

    /**
     * The next {@code count} cancels of working orders are answered with success, but take effect
     * only after one more fill: at the next step the order fills one liquidity slice (at its limit,
     * or the market price) and only then is the remainder cancelled.
     */
    public synchronized VenueFaults fillBeforeNextCancels(int count) {
        fillBeforeNextCancels += requireCount(count);
        return this;
    }

    /**
     * The next {@code count} placed orders are "not found" by queries ({@code order}, {@code findOrder},
     * {@code orders}) until {@code steps} venue steps have passed since their placement; they trade
     * and push updates normally.
     */
    public synchronized VenueFaults hideNextPlacements(int count, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, got " + steps);
        }
        hideNextPlacements += requireCount(count);
        hideForSteps = steps;
        return this;
    }

    /** Every call answers {@code SessionExpired} until {@link #renewSession()}. */
    public synchronized VenueFaults expireSession() {
        sessionExpired = true;
        return this;
    }

    public synchronized VenueFaults renewSession() {
        sessionExpired = false;
        return this;
    }

    public synchronized boolean sessionExpired() {
        return sessionExpired;
    }

    public synchronized VenueFaults probabilities(FaultProbabilities probabilities) {
        this.probabilities = requireNonNull(probabilities, "probabilities is null");
        return this;
    }

    public synchronized FaultProbabilities probabilities() {
        return probabilities;
    }

    /** Switches every fault off: counters cleared, probabilities zero, session valid. */
    public synchronized VenueFaults clear() {
        rejections.clear();
        timeoutsAfterApplying.clear();
        timeoutsBeforeApplying.clear();
        rateLimits.clear();
        rejectionsAfterAcknowledgement.clear();
        probabilities = FaultProbabilities.none();
        duplicateAllUpdates = false;
        duplicateNextUpdates = 0;
        malformNextUpdates = 0;
        reorderNextPlacements = 0;
        fillBeforeNextCancels = 0;
        hideNextPlacements = 0;
        hideForSteps = 0;
        sessionExpired = false;
        return this;
    }

    synchronized Optional<String> takeRejection(VenueOperation operation) {
        Deque<String> queue = rejections.get(operation);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }

    synchronized boolean takeTimeoutAfterApplying(VenueOperation operation) {
        return take(timeoutsAfterApplying, operation);
    }

    synchronized boolean takeTimeoutBeforeApplying(VenueOperation operation) {
        return take(timeoutsBeforeApplying, operation);
    }

    synchronized boolean takeRateLimit(VenueOperation operation) {
        return take(rateLimits, operation);
    }

    synchronized Optional<String> takeRejectionAfterAcknowledgement() {
        return Optional.ofNullable(rejectionsAfterAcknowledgement.poll());
    }

    synchronized boolean takeDuplicate() {
        if (duplicateAllUpdates) {
            return true;
        }
        if (duplicateNextUpdates > 0) {
            duplicateNextUpdates--;
            return true;
        }
        return false;
    }

    synchronized boolean takeMalformed() {
        if (malformNextUpdates > 0) {
            malformNextUpdates--;
            return true;
        }
        return false;
    }

    synchronized boolean takeReorder() {
        if (reorderNextPlacements > 0) {
            reorderNextPlacements--;
            return true;
        }
        return false;
    }

    synchronized boolean takeFillBeforeCancel() {
        if (fillBeforeNextCancels > 0) {
            fillBeforeNextCancels--;
            return true;
        }
        return false;
    }

    /** The number of steps to hide the next placement for, when a hide is due. */
    synchronized Optional<Integer> takeHide() {
        if (hideNextPlacements > 0) {
            hideNextPlacements--;
            return Optional.of(hideForSteps);
        }
        return Optional.empty();
    }

    private static boolean take(Map<VenueOperation, Integer> counters, VenueOperation operation) {
        Integer left = counters.get(operation);
        if (left == null || left == 0) {
            return false;
        }
        counters.put(operation, left - 1);
        return true;
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        return count;
    }
}
