package io.openoms.adapters.broker.mock;

import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.util.Optional;

/**
 * The venue's reasons to refuse a placement or a modification. Pure checks with no venue state of
 * their own, kept out of {@link SimulatedVenue} so its flow reads without the rule details.
 */
final class VenueOrderChecks {
    private VenueOrderChecks() {}

    /** Why {@code instrument} (null when not listed) refuses this placement, if it does. */
    static Optional<String> placementProblem(
            Instrument instrument,
            InstrumentId instrumentId,
            Quantity quantity,
            Optional<Price> limitPrice,
            Optional<Price> triggerPrice) {
        if (instrument == null) {
            return Optional.of("instrument " + instrumentId + " is not traded at this venue");
        }
        Optional<String> problem = instrument.quantityProblem(quantity);
        if (problem.isEmpty()) {
            problem = limitPrice.flatMap(instrument::priceProblem);
        }
        if (problem.isEmpty()) {
            problem = triggerPrice.flatMap(instrument::priceProblem).map(reason -> "trigger " + reason);
        }
        return problem;
    }

    /** Why {@code order} (listed as {@code instrument}) cannot take {@code modification}, if it cannot. */
    static Optional<String> modificationProblem(
            VenueOrder order, Instrument instrument, OrderModification modification) {
        if (!order.isWorking()) {
            return Optional.of(
                    "order " + order.id + " is " + order.snapshot().brokerStatus() + " and cannot be modified");
        }
        if (modification.quantity().isPresent()) {
            Quantity quantity = modification.quantity().get();
            if (!quantity.isGreaterThan(order.filled)) {
                return Optional.of("new quantity " + quantity + " must exceed the filled quantity " + order.filled);
            }
            Optional<String> problem = instrument.quantityProblem(quantity);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (modification.limitPrice().isPresent()) {
            if (!order.type.requiresLimitPrice()) {
                return Optional.of("a " + order.type + " order has no limit price");
            }
            Optional<String> problem =
                    instrument.priceProblem(modification.limitPrice().get());
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (modification.triggerPrice().isPresent()) {
            if (!order.type.requiresTriggerPrice()) {
                return Optional.of("a " + order.type + " order has no trigger price");
            }
            if (order.triggered) {
                return Optional.of("order " + order.id + " has already triggered");
            }
            return instrument.priceProblem(modification.triggerPrice().get()).map(reason -> "trigger " + reason);
        }
        return Optional.empty();
    }
}
