package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

/**
 * How often the simulated venue misbehaves on its own, each a probability in [0, 1] drawn from the
 * venue's seeded fault random (separate from the price random, so switching faults on does not
 * change the price path). All zero by default: a well-behaved venue. Tests that need a fault at an
 * exact moment use the counters of {@link VenueFaults} instead.
 *
 * @param rejectPlacement a placement is refused with {@code rejectReason}
 * @param rejectReason the reason given by a simulated refusal
 * @param timeoutAfterPlacing a placement times out after the order was placed (it lives at the venue)
 * @param timeoutWithoutPlacing a placement times out and the order was never placed
 * @param rateLimit any call (commands and queries) is refused as rate limited (HTTP 429)
 * @param duplicateUpdate a pushed update is pushed twice
 * @param outOfOrder a placed order's acknowledgement is held back until after its next update (a fill or the cancel)
 * @param fillAfterCancel a cancel request of a working order takes effect only after one more fill
 * @param notFound a placed order is invisible to queries ("not found") for {@code notFoundSteps} steps
 * @param notFoundSteps how many venue steps a "not found" order stays invisible
 * @param malformedUpdate a pushed update is replaced by an unparseable payload (the update itself is lost)
 * @param streamDisconnect per step, the update stream disconnects (updates are dropped) for {@code disconnectSteps} steps
 * @param disconnectSteps how many steps a random disconnect lasts before the stream reconnects
 */
public record FaultProbabilities(
        double rejectPlacement,
        String rejectReason,
        double timeoutAfterPlacing,
        double timeoutWithoutPlacing,
        double rateLimit,
        double duplicateUpdate,
        double outOfOrder,
        double fillAfterCancel,
        double notFound,
        int notFoundSteps,
        double malformedUpdate,
        double streamDisconnect,
        int disconnectSteps) {
    public static final String DEFAULT_REJECT_REASON = "RMS: insufficient funds (simulated)";

    public FaultProbabilities {
        requireProbability(rejectPlacement, "reject-probability");
        requireNonNull(rejectReason, MockVenueConfig.key("faults.reject-reason") + " is null");
        if (rejectReason.isBlank()) {
            throw new IllegalArgumentException(MockVenueConfig.key("faults.reject-reason") + " must not be blank");
        }
        requireProbability(timeoutAfterPlacing, "timeout-after-placing-probability");
        requireProbability(timeoutWithoutPlacing, "timeout-without-placing-probability");
        requireProbability(rateLimit, "rate-limit-probability");
        requireProbability(duplicateUpdate, "duplicate-update-probability");
        requireProbability(outOfOrder, "out-of-order-probability");
        requireProbability(fillAfterCancel, "fill-after-cancel-probability");
        requireProbability(notFound, "not-found-probability");
        if (notFoundSteps < 0) {
            throw new IllegalArgumentException(
                    MockVenueConfig.key("faults.not-found-steps") + " must not be negative, got " + notFoundSteps);
        }
        requireProbability(malformedUpdate, "malformed-update-probability");
        requireProbability(streamDisconnect, "stream-disconnect-probability");
        if (disconnectSteps < 1) {
            throw new IllegalArgumentException(
                    MockVenueConfig.key("faults.disconnect-steps") + " must be at least 1, got " + disconnectSteps);
        }
    }

    /** No fault ever happens by chance. */
    public static FaultProbabilities none() {
        return new FaultProbabilities(0, DEFAULT_REJECT_REASON, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 3);
    }

    public FaultProbabilities withRejectPlacement(double probability, String reason) {
        return new FaultProbabilities(
                probability,
                reason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                rateLimit,
                duplicateUpdate,
                outOfOrder,
                fillAfterCancel,
                notFound,
                notFoundSteps,
                malformedUpdate,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withTimeouts(double afterPlacing, double withoutPlacing) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                afterPlacing,
                withoutPlacing,
                rateLimit,
                duplicateUpdate,
                outOfOrder,
                fillAfterCancel,
                notFound,
                notFoundSteps,
                malformedUpdate,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withRateLimit(double probability) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                probability,
                duplicateUpdate,
                outOfOrder,
                fillAfterCancel,
                notFound,
                notFoundSteps,
                malformedUpdate,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withUpdateFaults(double duplicate, double outOfOrderAck, double malformed) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                rateLimit,
                duplicate,
                outOfOrderAck,
                fillAfterCancel,
                notFound,
                notFoundSteps,
                malformed,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withFillAfterCancel(double probability) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                rateLimit,
                duplicateUpdate,
                outOfOrder,
                probability,
                notFound,
                notFoundSteps,
                malformedUpdate,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withNotFound(double probability, int steps) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                rateLimit,
                duplicateUpdate,
                outOfOrder,
                fillAfterCancel,
                probability,
                steps,
                malformedUpdate,
                streamDisconnect,
                disconnectSteps);
    }

    public FaultProbabilities withStreamDisconnect(double probability, int steps) {
        return new FaultProbabilities(
                rejectPlacement,
                rejectReason,
                timeoutAfterPlacing,
                timeoutWithoutPlacing,
                rateLimit,
                duplicateUpdate,
                outOfOrder,
                fillAfterCancel,
                notFound,
                notFoundSteps,
                malformedUpdate,
                probability,
                steps);
    }

    private static void requireProbability(double probability, String key) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(
                    MockVenueConfig.key("faults." + key) + " must be a probability in [0, 1], got " + probability);
        }
    }
}
