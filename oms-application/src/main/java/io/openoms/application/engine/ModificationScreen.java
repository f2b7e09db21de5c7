package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.InvalidOrderRequestException;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderNotModifiableException;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.InstrumentCatalog;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.RiskDecision;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a modification must pass before it is recorded and sent, in the order a submit meets the same
 * rules: it fits the order's state (else not modifiable), the new values fit the instrument as a new
 * order's must (else an invalid request naming the field), and the order as it would stand after the
 * change passes the pre-trade checks (else refused by the check). A refused modification leaves no
 * trace in the journal and the order working as it was.
 */
final class ModificationScreen {
    private final InstrumentCatalog instruments;
    private final RiskChecks riskChecks;

    ModificationScreen(InstrumentCatalog instruments, RiskChecks riskChecks) {
        this.instruments = requireNonNull(instruments, "instruments is null");
        this.riskChecks = requireNonNull(riskChecks, "riskChecks is null");
    }

    /** Empty when {@code modification} of {@code order} may be recorded; else the answer to give, nothing done. */
    Optional<OrderCommandResult> refusal(
            OrderManager orders,
            Order order,
            OrderModification modification,
            Supplier<RiskContext> context,
            Instant now) {
        try {
            orders.checkModification(order.id(), modification, instruments.find(order.instrument()), now);
        } catch (OrderNotModifiableException e) {
            return Optional.of(
                    new OrderCommandResult.Failed(FailureCode.VALIDATION_ORDER_NOT_MODIFIABLE, e.getMessage()));
        } catch (InvalidOrderRequestException e) {
            return Optional.of(OrderCommandResult.Failed.invalidField(e.field(), e.problem()));
        }
        RiskDecision decision = riskChecks.modification(order, modification, context.get());
        if (decision.approved()) {
            return Optional.empty();
        }
        return Optional.of(new OrderCommandResult.ModificationRefused(
                order, decision.rejectedBy().orElseThrow(), decision.reason().orElse("refused")));
    }
}
