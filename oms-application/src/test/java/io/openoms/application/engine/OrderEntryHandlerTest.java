package io.openoms.application.engine;

import static io.openoms.application.testing.EngineHarness.T0;
import static io.openoms.application.testing.EngineHarness.buy;
import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.testing.InMemoryRiskLimitStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order-entry handler on the test's own thread: no engine thread, no queue, no journal. */
class OrderEntryHandlerTest {
    private final EngineHarness fakes = new EngineHarness();
    private final List<EngineCommand> replies = new ArrayList<>();
    private OrderEntryHandler handler;

    @BeforeEach
    void setUp() {
        EngineConfig config = EngineHarness.config().build();
        EngineState state = new EngineState(
                fakes.store, fakes.store, new InMemoryRiskLimitStore(), fakes.catalog, fakes.marketData, config);
        state.restore();
        BrokerDispatcher dispatcher =
                new BrokerDispatcher(new SameThread(), fakes.rateLimits, config, replies::add, new AtomicInteger());
        EngineHarness.SingleBrokerRouter router = new EngineHarness.SingleBrokerRouter(fakes.broker);
        handler = new OrderEntryHandler(
                state,
                new OrderRecorder(state, router, dispatcher),
                router,
                dispatcher,
                fakes.ids,
                fakes.catalog,
                StandardChecks.validator(),
                EngineObserver.NONE,
                config);
    }

    @Test
    void anAcceptedOrderReachesTheBrokerOnlyOnceItsEventsAreDurable() {
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        Unit unit = new Unit();

        handler.submit(new EngineCommand.Submit(SubmitOrder.of(buy(10, "100").build()), result), unit, T0);

        assertThat(unit.batch().events())
                .extracting(OrderEvent::getClass)
                .containsExactly(OrderEvent.OrderCreated.class, OrderEvent.OrderReleased.class);
        assertThat(result).isNotDone();
        assertThat(fakes.broker.placedOrders()).isEmpty();

        unit.afterCommitActions().forEach(Runnable::run);

        assertThat(result.join()).isInstanceOf(OrderCommandResult.Accepted.class);
        assertThat(fakes.broker.placedOrders()).hasSize(1);
        assertThat(replies).singleElement().isInstanceOf(EngineCommand.BrokerReply.class);
    }

    @Test
    void anOrderBeyondBuyingPowerIsRejectedByRiskAndNeverSent() {
        CompletableFuture<OrderCommandResult> result = new CompletableFuture<>();
        Unit unit = new Unit();

        // 10,000 at 100 is 1,000,000 against a buying power of 500,000.
        handler.submit(
                new EngineCommand.Submit(SubmitOrder.of(buy(10_000, "100").build()), result), unit, T0);
        unit.afterCommitActions().forEach(Runnable::run);

        assertThat(result.join()).isInstanceOfSatisfying(OrderCommandResult.Rejected.class, rejected -> assertThat(
                        rejected.order().status())
                .isEqualTo(OrderStatus.REJECTED));
        assertThat(fakes.broker.placedOrders()).isEmpty();
        assertThat(replies).isEmpty();
    }

    /** Runs broker calls on the calling thread, so the test sees their answers at once. */
    private static final class SameThread extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
