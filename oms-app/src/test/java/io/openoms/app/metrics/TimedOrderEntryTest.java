package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.value.Quantity;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TimedOrderEntryTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedEntry engine = new ScriptedEntry();
    private final OrderEntry entry = new TimedOrderEntry(engine, registry);
    private final OrderLifecycles orders = new OrderLifecycles();
    private final SubmitOrder submit = SubmitOrder.of(OrderLifecycles.request(10));

    @Test
    void a_submit_is_timed_once_its_outcome_is_durable_and_the_caller_gets_the_engines_own_future() {
        CompletableFuture<OrderCommandResult> pending = new CompletableFuture<>();
        engine.next = pending;

        CompletableFuture<OrderCommandResult> returned = entry.submit(submit);

        assertThat(returned).isSameAs(pending);
        assertThat(timed("oms.order.submit", "accepted")).isZero();
        pending.complete(new OrderCommandResult.Accepted(orders.order(orders.released(10))));
        assertThat(timed("oms.order.submit", "accepted")).isEqualTo(1);
        assertThat(timed("oms.order.submit", "rejected")).isZero();
    }

    @Test
    void risk_rejections_and_failures_are_timed_under_their_outcome_and_failures_counted_by_code() {
        ClientOrderId refused = orders.created(10);
        orders.rejectByRisk(refused, "MAX_ORDER_QUANTITY");
        engine.next = CompletableFuture.completedFuture(new OrderCommandResult.Rejected(orders.order(refused)));
        entry.submit(submit);
        engine.next = CompletableFuture.completedFuture(
                new OrderCommandResult.Failed(FailureCode.ENGINE_BUSY, "the command queue is full"));
        entry.submit(submit);

        assertThat(timed("oms.order.submit", "rejected")).isEqualTo(1);
        assertThat(timed("oms.order.submit", "failed")).isEqualTo(1);
        assertThat(failures("submit", "ENGINE_BUSY")).isEqualTo(1);
        assertThat(failures("submit", "JOURNAL_UNAVAILABLE")).isZero();
    }

    @Test
    void a_future_failed_with_an_exception_is_a_failure_and_the_caller_sees_the_same_exception() {
        IllegalStateException bug = new IllegalStateException("bug");
        CompletableFuture<OrderCommandResult> failed = CompletableFuture.failedFuture(bug);
        engine.next = failed;

        CompletableFuture<OrderCommandResult> returned = entry.cancel(new CancelOrder(ClientOrderId.of("O-1")));

        assertThat(returned).isSameAs(failed);
        assertThat(timed("oms.order.cancel", "failed")).isEqualTo(1);
        assertThat(failures("cancel", "EXCEPTION")).isEqualTo(1);
    }

    @Test
    void an_exception_thrown_by_the_engine_reaches_the_caller_unchanged() {
        IllegalArgumentException refused = new IllegalArgumentException("command is null");
        engine.thrown = refused;

        assertThatThrownBy(() -> entry.submit(submit)).isSameAs(refused);
    }

    @Test
    void modify_and_cancel_are_timed_apart_from_submit_and_cancel_all_passes_through() {
        ClientOrderId id = orders.accepted(10);
        engine.next = CompletableFuture.completedFuture(new OrderCommandResult.Accepted(orders.order(id)));
        entry.modify(new ModifyOrder(id, OrderModification.quantity(Quantity.of(12))));
        entry.cancel(new CancelOrder(id));

        assertThat(timed("oms.order.modify", "accepted")).isEqualTo(1);
        assertThat(timed("oms.order.cancel", "accepted")).isEqualTo(1);
        assertThat(timed("oms.order.submit", "accepted")).isZero();
        assertThat(entry.cancelAll(CancelAllOrders.everything())).isSameAs(engine.cancelAll);
    }

    private long timed(String name, String outcome) {
        return registry.get(name).tag("outcome", outcome).timer().count();
    }

    private double failures(String command, String code) {
        return registry.get("oms.order.command.failures")
                .tag("command", command)
                .tag("code", code)
                .counter()
                .count();
    }

    private static final class ScriptedEntry implements OrderEntry {
        CompletableFuture<OrderCommandResult> next = new CompletableFuture<>();
        RuntimeException thrown;
        final CompletableFuture<CancelAllResult> cancelAll = new CompletableFuture<>();

        private CompletableFuture<OrderCommandResult> answer() {
            if (thrown != null) {
                throw thrown;
            }
            return next;
        }

        @Override
        public CompletableFuture<OrderCommandResult> submit(SubmitOrder command) {
            return answer();
        }

        @Override
        public CompletableFuture<OrderCommandResult> modify(ModifyOrder command) {
            return answer();
        }

        @Override
        public CompletableFuture<OrderCommandResult> cancel(CancelOrder command) {
            return answer();
        }

        @Override
        public CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command) {
            return cancelAll;
        }
    }
}
