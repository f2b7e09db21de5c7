package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Times every request to one broker by operation, and counts the answers that are not a success by
 * kind: {@code rejected}, {@code rate_limited}, {@code session_expired}, {@code outcome_unknown}, and
 * {@code exception} when the gateway threw. Results and exceptions reach the caller unchanged.
 */
final class MeteredBrokerGateway implements BrokerGateway {
    private final BrokerGateway delegate;
    private final OperationMeters placeCalls;
    private final OperationMeters modifyCalls;
    private final OperationMeters cancelCalls;
    private final OperationMeters orderCalls;
    private final OperationMeters findOrderCalls;
    private final OperationMeters ordersCalls;
    private final OperationMeters tradesCalls;
    private final OperationMeters positionsCalls;

    MeteredBrokerGateway(BrokerGateway delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        requireNonNull(registry, "registry is null");
        String broker = requireNonNull(delegate.name(), "the broker's name is null");
        this.placeCalls = new OperationMeters(registry, broker, "place");
        this.modifyCalls = new OperationMeters(registry, broker, "modify");
        this.cancelCalls = new OperationMeters(registry, broker, "cancel");
        this.orderCalls = new OperationMeters(registry, broker, "order");
        this.findOrderCalls = new OperationMeters(registry, broker, "find_order");
        this.ordersCalls = new OperationMeters(registry, broker, "orders");
        this.tradesCalls = new OperationMeters(registry, broker, "trades");
        this.positionsCalls = new OperationMeters(registry, broker, "positions");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public BrokerResult<BrokerOrderId> place(Order order) {
        return placeCalls.call(() -> delegate.place(order));
    }

    @Override
    public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
        return modifyCalls.call(() -> delegate.modify(order, modification));
    }

    @Override
    public BrokerResult<BrokerOrderId> cancel(Order order) {
        return cancelCalls.call(() -> delegate.cancel(order));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
        return orderCalls.call(() -> delegate.order(id));
    }

    @Override
    public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
        return findOrderCalls.call(() -> delegate.findOrder(id));
    }

    @Override
    public BrokerResult<List<BrokerOrder>> orders() {
        return ordersCalls.call(delegate::orders);
    }

    @Override
    public BrokerResult<List<BrokerTrade>> trades() {
        return tradesCalls.call(delegate::trades);
    }

    @Override
    public BrokerResult<List<BrokerPosition>> positions() {
        return positionsCalls.call(delegate::positions);
    }

    @Override
    public boolean takesExternalFills() {
        return delegate.takesExternalFills();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private static final class OperationMeters {
        private final Timer requests;
        private final Counter rejected;
        private final Counter rateLimited;
        private final Counter sessionExpired;
        private final Counter outcomeUnknown;
        private final Counter exception;

        OperationMeters(MeterRegistry registry, String broker, String operation) {
            this.requests = Timer.builder("oms.broker.request")
                    .description("Requests to a broker and how long they took, by broker and operation")
                    .tag("broker", broker)
                    .tag("operation", operation)
                    .serviceLevelObjectives(Buckets.BROKER)
                    .register(registry);
            this.rejected = error(registry, broker, operation, "rejected");
            this.rateLimited = error(registry, broker, operation, "rate_limited");
            this.sessionExpired = error(registry, broker, operation, "session_expired");
            this.outcomeUnknown = error(registry, broker, operation, "outcome_unknown");
            this.exception = error(registry, broker, operation, "exception");
        }

        private static Counter error(MeterRegistry registry, String broker, String operation, String kind) {
            return Counter.builder("oms.broker.errors")
                    .description("Broker requests not answered with a success, by broker, operation and kind")
                    .tag("broker", broker)
                    .tag("operation", operation)
                    .tag("kind", kind)
                    .register(registry);
        }

        <T> BrokerResult<T> call(Supplier<BrokerResult<T>> call) {
            long start = System.nanoTime();
            BrokerResult<T> result;
            try {
                result = call.get();
            } catch (RuntimeException | Error e) {
                requests.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                exception.increment();
                throw e;
            }
            requests.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (result instanceof BrokerResult.Rejected) {
                rejected.increment();
            } else if (result instanceof BrokerResult.RateLimited) {
                rateLimited.increment();
            } else if (result instanceof BrokerResult.SessionExpired) {
                sessionExpired.increment();
            } else if (result instanceof BrokerResult.OutcomeUnknown) {
                outcomeUnknown.increment();
            }
            return result;
        }
    }
}
