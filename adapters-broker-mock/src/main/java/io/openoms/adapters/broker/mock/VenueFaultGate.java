package io.openoms.adapters.broker.mock;

import io.openoms.domain.port.out.BrokerResult;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Decides which gateway faults hit a call: the switched-on ones first, then the seeded random draws.
 * Kept apart from {@link SimulatedVenue} so the fault rules read in one place; it owns the fault
 * random stream, whose draw order is part of the venue's determinism.
 */
final class VenueFaultGate {
    static final String TIMEOUT = "simulated timeout: no reply from the venue within 10 s";

    private final VenueFaults faults;
    private final SplittableRandom faultRandom;

    VenueFaultGate(VenueFaults faults, long seed) {
        this.faults = faults;
        this.faultRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /**
     * Runs one gateway call: a fault may refuse it before it reaches the venue; else {@code body}
     * applies it, and a successful result may still be lost to a timeout after applying.
     */
    <T> BrokerResult<T> call(VenueOperation operation, Supplier<BrokerResult<T>> body) {
        Optional<BrokerResult<T>> refused = refusal(operation);
        if (refused.isPresent()) {
            return refused.get();
        }
        BrokerResult<T> result = body.get();
        if (!(result instanceof BrokerResult.Success<T>)) {
            return result;
        }
        return timedOutAfterApplying(operation) ? BrokerResult.outcomeUnknown(TIMEOUT) : result;
    }

    /** The fault that stops this call before it reaches the venue, if one is due. */
    private <T> Optional<BrokerResult<T>> refusal(VenueOperation operation) {
        FaultProbabilities chance = faults.probabilities();
        if (faults.sessionExpired()) {
            return Optional.of(BrokerResult.sessionExpired("simulated: the session has expired, log in again"));
        }
        if (faults.takeRateLimit(operation) || draw(chance.rateLimit())) {
            return Optional.of(BrokerResult.rateLimited(
                    Optional.of(Duration.ofSeconds(1)), "simulated HTTP 429: too many requests"));
        }
        Optional<String> rejection = faults.takeRejection(operation);
        if (rejection.isEmpty() && operation == VenueOperation.PLACE && draw(chance.rejectPlacement())) {
            rejection = Optional.of(chance.rejectReason());
        }
        if (rejection.isPresent()) {
            return Optional.of(BrokerResult.rejected(rejection.get()));
        }
        if (faults.takeTimeoutBeforeApplying(operation)
                || (operation == VenueOperation.PLACE && draw(chance.timeoutWithoutPlacing()))) {
            return Optional.of(BrokerResult.outcomeUnknown(TIMEOUT));
        }
        return Optional.empty();
    }

    private boolean timedOutAfterApplying(VenueOperation operation) {
        return faults.takeTimeoutAfterApplying(operation)
                || (operation == VenueOperation.PLACE
                        && draw(faults.probabilities().timeoutAfterPlacing()));
    }

    boolean draw(double probability) {
        return probability > 0 && faultRandom.nextDouble() < probability;
    }
}
