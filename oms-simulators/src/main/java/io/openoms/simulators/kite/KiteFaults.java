package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.VenueFaults;
import io.openoms.adapters.broker.mock.VenueOperation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fault switches of a {@link KiteSimulator}. Where the simulated venue has the fault, the switch
 * sets it there ({@link #venue()}), so a fault set directly on the venue shows on the wire too, in the
 * default shape: a venue rejection answers HTTP 400 {@code InputException}, a venue rate limit HTTP 429,
 * an expired venue session HTTP 403 {@code TokenException}, an unknown outcome a lost reply as
 * {@link KiteSimulatorConfig#lostReply()} says; the stream's duplicate, out-of-order and malformed
 * order updates are the venue's, rendered as Kite frames. The switches here add the wire details:
 * which {@code error_type} and status a rejection carries, how a reply is lost, errors and 429s on any
 * endpoint, expired tokens and dropped stream connections.
 *
 * <p>Counters are exact and consumed in request order. A wire detail queued here is paired with the
 * next venue result of its kind for that operation; a venue fault drawn by probability takes the
 * oldest queued detail, else the default. Thread safety: safe from any thread; a change applies from
 * the next request.
 */
public final class KiteFaults {
    private final VenueFaults venue;
    private final Runnable expireSession;
    private final Runnable dropStreams;
    private final Map<VenueOperation, Deque<KiteError>> rejections = new EnumMap<>(VenueOperation.class);
    private final Map<VenueOperation, Deque<LostReply>> lostReplies = new EnumMap<>(VenueOperation.class);
    private final Deque<KiteError> requestErrors = new ArrayDeque<>();
    private boolean refuseStreams;

    KiteFaults(VenueFaults venue, Runnable expireSession, Runnable dropStreams) {
        this.venue = requireNonNull(venue, "venue is null");
        this.expireSession = requireNonNull(expireSession, "expireSession is null");
        this.dropStreams = requireNonNull(dropStreams, "dropStreams is null");
    }

    /** The venue's own switches, for the faults only the venue has (hidden orders, fills before cancels …). */
    public VenueFaults venue() {
        return venue;
    }

    /**
     * The next {@code count} calls of {@code operation} are refused with {@code error} (e.g.
     * {@link KiteError#order} or {@link KiteError#margin}); nothing happens at the venue.
     */
    public synchronized KiteFaults rejectNext(VenueOperation operation, int count, KiteError error) {
        requireNonNull(operation, "operation is null");
        requireNonNull(error, "error is null");
        venue.rejectNext(operation, requireCount(count), error.message());
        Deque<KiteError> queue = rejections.computeIfAbsent(operation, ignored -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(error);
        }
        return this;
    }

    /** The next {@code count} calls of {@code operation} take effect at the venue, then the reply is lost as {@code how}. */
    public synchronized KiteFaults timeoutAfterApplyingNext(VenueOperation operation, int count, LostReply how) {
        venue.timeoutAfterApplyingNext(requireNonNull(operation, "operation is null"), requireCount(count));
        queueLostReplies(operation, count, how);
        return this;
    }

    /** The next {@code count} calls of {@code operation} never reach the venue, and the reply is lost as {@code how}. */
    public synchronized KiteFaults timeoutBeforeApplyingNext(VenueOperation operation, int count, LostReply how) {
        venue.timeoutBeforeApplyingNext(requireNonNull(operation, "operation is null"), requireCount(count));
        queueLostReplies(operation, count, how);
        return this;
    }

    /** The next {@code count} calls of {@code operation} answer HTTP 429; nothing happens at the venue. */
    public synchronized KiteFaults rateLimitNext(VenueOperation operation, int count) {
        venue.rateLimitNext(requireNonNull(operation, "operation is null"), requireCount(count));
        return this;
    }

    /** A 429 burst: the next {@code count} requests to any endpoint answer HTTP 429 "Too many requests". */
    public synchronized KiteFaults rateLimitNextRequests(int count) {
        return failNextRequests(count, KiteError.tooManyRequests());
    }

    /** The next {@code count} requests to any endpoint (session login excepted) answer {@code error}; nothing happens. */
    public synchronized KiteFaults failNextRequests(int count, KiteError error) {
        requireNonNull(error, "error is null");
        for (int i = 0; i < requireCount(count); i++) {
            requestErrors.add(error);
        }
        return this;
    }

    /**
     * The access token expires now: every request answers HTTP 403 {@code TokenException}, open
     * streams are closed and new ones refused, until a new session is made ({@code POST /session/token}).
     */
    public KiteFaults expireSession() {
        expireSession.run();
        return this;
    }

    /** Drops every open stream connection now (the TCP connection closes without a close frame). */
    public KiteFaults dropStreams() {
        dropStreams.run();
        return this;
    }

    /** While on, stream handshakes are refused (HTTP 503) as during an outage; open streams stay. */
    public synchronized KiteFaults refuseStreams(boolean on) {
        this.refuseStreams = on;
        return this;
    }

    /** The next {@code count} order updates are streamed twice each. */
    public KiteFaults duplicateNextUpdates(int count) {
        venue.duplicateNextUpdates(count);
        return this;
    }

    /** The acknowledgements of the next {@code count} placements are streamed after the order's next update. */
    public KiteFaults reorderNextPlacements(int count) {
        venue.reorderNextPlacements(count);
        return this;
    }

    /** The next {@code count} order updates are streamed as a text frame of truncated JSON instead. */
    public KiteFaults malformNextUpdates(int count) {
        venue.malformNextUpdates(count);
        return this;
    }

    /** The next {@code count} placements succeed, then are rejected when the exchange acknowledges them. */
    public KiteFaults rejectAfterAcknowledgementNext(int count, String reason) {
        venue.rejectAfterAcknowledgementNext(count, reason);
        return this;
    }

    /** Switches every fault off, the venue's included; an expired session stays expired until a new login. */
    public synchronized KiteFaults clear() {
        rejections.clear();
        lostReplies.clear();
        requestErrors.clear();
        refuseStreams = false;
        boolean expired = venue.sessionExpired();
        venue.clear();
        if (expired) {
            venue.expireSession();
        }
        return this;
    }

    synchronized Optional<KiteError> takeRequestError() {
        return Optional.ofNullable(requestErrors.poll());
    }

    /** The wire shape of a venue rejection with {@code reason}: a queued one if it matches, else the default. */
    synchronized KiteError takeRejection(VenueOperation operation, String reason) {
        Deque<KiteError> queue = rejections.get(operation);
        if (queue != null && !queue.isEmpty() && queue.peek().message().equals(reason)) {
            return queue.poll();
        }
        return KiteError.input(reason);
    }

    synchronized LostReply takeLostReply(VenueOperation operation, LostReply otherwise) {
        Deque<LostReply> queue = lostReplies.get(operation);
        LostReply queued = queue == null ? null : queue.poll();
        return queued == null ? otherwise : queued;
    }

    synchronized boolean refusesStreams() {
        return refuseStreams;
    }

    private void queueLostReplies(VenueOperation operation, int count, LostReply how) {
        requireNonNull(how, "how is null");
        Deque<LostReply> queue = lostReplies.computeIfAbsent(operation, ignored -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            queue.add(how);
        }
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        return count;
    }
}
