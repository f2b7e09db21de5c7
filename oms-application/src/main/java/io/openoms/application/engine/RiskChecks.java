package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskContext;
import io.openoms.domain.risk.RiskDecision;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pre-trade validator as the engine runs it: every decision, on a new order or a modification, is told to the observer. */
final class RiskChecks {
    private static final Logger LOG = LoggerFactory.getLogger(RiskChecks.class);

    private final PreTradeValidator validator;
    private final EngineObserver observer;

    RiskChecks(PreTradeValidator validator, EngineObserver observer) {
        this.validator = requireNonNull(validator, "validator is null");
        this.observer = requireNonNull(observer, "observer is null");
    }

    RiskDecision newOrder(OrderRequest request, RiskContext context) {
        return observed(() -> validator.validate(request, context));
    }

    RiskDecision modification(Order order, OrderModification modification, RiskContext context) {
        return observed(() -> validator.validateModification(order, modification, context));
    }

    private RiskDecision observed(Supplier<RiskDecision> decide) {
        // A monotonic duration for metrics only: no decision depends on it, so the clock rule holds.
        long start = System.nanoTime();
        RiskDecision decision = decide.get();
        long nanos = System.nanoTime() - start;
        try {
            observer.riskChecked(decision, nanos);
        } catch (RuntimeException e) {
            LOG.warn("the engine observer failed on a risk decision; ignored", e);
        }
        return decision;
    }
}
