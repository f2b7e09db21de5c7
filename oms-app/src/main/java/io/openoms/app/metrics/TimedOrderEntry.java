package io.openoms.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.SubmitOrder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times submit, modify and cancel from the call to the completion of their future (the outcome is
 * durable by then), by outcome, and counts failures by their code. The delegate's futures and
 * exceptions reach the caller unchanged; the meters are resolved once, so the hot path costs two
 * clock reads and a histogram update.
 */
final class TimedOrderEntry implements OrderEntry {
    private final OrderEntry delegate;
    private final CommandMeters submit;
    private final CommandMeters modify;
    private final CommandMeters cancel;

    TimedOrderEntry(OrderEntry delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        requireNonNull(registry, "registry is null");
        this.submit = new CommandMeters(registry, "submit");
        this.modify = new CommandMeters(registry, "modify");
        this.cancel = new CommandMeters(registry, "cancel");
    }

    @Override
    public CompletableFuture<OrderCommandResult> submit(SubmitOrder command) {
        long start = System.nanoTime();
        return submit.observe(delegate.submit(command), start);
    }

    @Override
    public CompletableFuture<OrderCommandResult> modify(ModifyOrder command) {
        long start = System.nanoTime();
        return modify.observe(delegate.modify(command), start);
    }

    @Override
    public CompletableFuture<OrderCommandResult> cancel(CancelOrder command) {
        long start = System.nanoTime();
        return cancel.observe(delegate.cancel(command), start);
    }

    @Override
    public CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command) {
        return delegate.cancelAll(command);
    }

    private static final class CommandMeters {
        private final Timer accepted;
        private final Timer rejected;
        private final Timer failed;
        private final Map<FailureCode, Counter> failures = new EnumMap<>(FailureCode.class);
        private final Counter exceptions;

        CommandMeters(MeterRegistry registry, String command) {
            String name = "oms.order." + command;
            String description = "Time from a " + command + " call until its outcome is durable, by outcome";
            this.accepted = timer(registry, name, description, "accepted");
            this.rejected = timer(registry, name, description, "rejected");
            this.failed = timer(registry, name, description, "failed");
            for (FailureCode code : FailureCode.values()) {
                failures.put(code, failure(registry, command, code.name()));
            }
            this.exceptions = failure(registry, command, "EXCEPTION");
        }

        private static Timer timer(MeterRegistry registry, String name, String description, String outcome) {
            return Timer.builder(name)
                    .description(description)
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(Buckets.COMMAND)
                    .register(registry);
        }

        private static Counter failure(MeterRegistry registry, String command, String code) {
            return Counter.builder("oms.order.command.failures")
                    .description("Order commands that did nothing (nothing stored), by command and failure code")
                    .tag("command", command)
                    .tag("code", code)
                    .register(registry);
        }

        /** Records when {@code future} completes; returns the same future. */
        CompletableFuture<OrderCommandResult> observe(CompletableFuture<OrderCommandResult> future, long start) {
            if (future != null) {
                future.whenComplete((result, error) -> record(result, error, System.nanoTime() - start));
            }
            return future;
        }

        private void record(OrderCommandResult result, Throwable error, long nanos) {
            if (result instanceof OrderCommandResult.Accepted) {
                accepted.record(nanos, TimeUnit.NANOSECONDS);
            } else if (result instanceof OrderCommandResult.Rejected
                    || result instanceof OrderCommandResult.ModificationRefused) {
                rejected.record(nanos, TimeUnit.NANOSECONDS);
            } else {
                failed.record(nanos, TimeUnit.NANOSECONDS);
                if (result instanceof OrderCommandResult.Failed failure) {
                    failures.get(failure.code()).increment();
                } else {
                    exceptions.increment();
                }
            }
        }
    }
}
