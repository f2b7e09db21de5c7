package io.openoms.integration;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.VenueFaults;
import io.openoms.adapters.broker.mock.VenueOperation;
import io.openoms.simulators.kite.KiteError;
import io.openoms.simulators.kite.KiteFaults;
import io.openoms.simulators.kite.LostReply;
import java.util.Optional;

/**
 * The venue faults a scenario sets, on the broker the system trades through. With the mock they are
 * the venue's switches; with Kite they are the simulator's, which set the same fault at the venue and
 * say how it shows on the wire. Faults that only the venue has (hidden placements, a fill racing a
 * cancel, duplicated updates) are set there in both cases: Kite's order book and its stream frames are
 * rendered from the venue, so they show on the wire too.
 */
public final class BrokerFaults {
    private final VenueFaults venue;
    private final Optional<KiteFaults> kite;

    BrokerFaults(VenueFaults venue, Optional<KiteFaults> kite) {
        this.venue = requireNonNull(venue, "venue is null");
        this.kite = requireNonNull(kite, "kite is null");
    }

    /** The next {@code count} calls take effect, then the answer is lost; through Kite no reply comes and the read times out. */
    public BrokerFaults timeoutAfterApplyingNext(VenueOperation operation, int count) {
        kite.ifPresentOrElse(
                k -> k.timeoutAfterApplyingNext(operation, count, LostReply.HOLD),
                () -> venue.timeoutAfterApplyingNext(operation, count));
        return this;
    }

    /** The next {@code count} calls never reach the venue; through Kite the connection breaks part-way through the reply. */
    public BrokerFaults timeoutBeforeApplyingNext(VenueOperation operation, int count) {
        kite.ifPresentOrElse(
                k -> k.timeoutBeforeApplyingNext(operation, count, LostReply.DROP_CONNECTION),
                () -> venue.timeoutBeforeApplyingNext(operation, count));
        return this;
    }

    /** The next {@code count} calls are refused with {@code reason}; through Kite as HTTP 400, a margin shortfall as a MarginException. */
    public BrokerFaults rejectNext(VenueOperation operation, int count, String reason) {
        kite.ifPresentOrElse(
                k -> k.rejectNext(
                        operation,
                        count,
                        reason.contains("margin") ? KiteError.margin(reason) : KiteError.order(reason)),
                () -> venue.rejectNext(operation, count, reason));
        return this;
    }

    /** The next {@code count} calls are refused for rate; through Kite as HTTP 429. */
    public BrokerFaults rateLimitNext(VenueOperation operation, int count) {
        kite.ifPresentOrElse(k -> k.rateLimitNext(operation, count), () -> venue.rateLimitNext(operation, count));
        return this;
    }

    public BrokerFaults reorderNextPlacements(int count) {
        kite.ifPresentOrElse(k -> k.reorderNextPlacements(count), () -> venue.reorderNextPlacements(count));
        return this;
    }

    public BrokerFaults malformNextUpdates(int count) {
        kite.ifPresentOrElse(k -> k.malformNextUpdates(count), () -> venue.malformNextUpdates(count));
        return this;
    }

    public BrokerFaults duplicateAllUpdates(boolean on) {
        venue.duplicateAllUpdates(on);
        return this;
    }

    public BrokerFaults fillBeforeNextCancels(int count) {
        venue.fillBeforeNextCancels(count);
        return this;
    }

    public BrokerFaults hideNextPlacements(int count, int steps) {
        venue.hideNextPlacements(count, steps);
        return this;
    }

    /** The broker session ends; through Kite every request answers HTTP 403 TokenException and the stream is dropped. */
    public BrokerFaults expireSession() {
        kite.ifPresentOrElse(KiteFaults::expireSession, venue::expireSession);
        return this;
    }
}
