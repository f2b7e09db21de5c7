package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredBrokerGatewayTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedGateway broker = new ScriptedGateway();
    private final BrokerGateway gateway = new MeteredBrokerGateway(broker, registry);
    private final OrderLifecycles orders = new OrderLifecycles();

    @Test
    void each_request_is_timed_by_broker_and_operation_and_each_non_success_counted_by_kind() {
        Order order = orders.order(orders.released(10));
        broker.answers.add(BrokerResult.success(BrokerOrderId.of("B1")));
        broker.answers.add(BrokerResult.rejected("insufficient margin"));
        broker.answers.add(BrokerResult.outcomeUnknown("read timed out"));
        broker.answers.add(BrokerResult.rateLimited(Optional.of(Duration.ofSeconds(1)), "429"));
        broker.answers.add(BrokerResult.sessionExpired("token expired"));

        gateway.place(order);
        gateway.place(order);
        gateway.cancel(order);
        gateway.orders();
        gateway.trades();

        assertThat(requests("place")).isEqualTo(2);
        assertThat(requests("cancel")).isEqualTo(1);
        assertThat(requests("orders")).isEqualTo(1);
        assertThat(requests("modify")).isZero();
        assertThat(errors("place", "rejected")).isEqualTo(1);
        assertThat(errors("place", "outcome_unknown")).isZero();
        assertThat(errors("cancel", "outcome_unknown")).isEqualTo(1);
        assertThat(errors("orders", "rate_limited")).isEqualTo(1);
        assertThat(errors("trades", "session_expired")).isEqualTo(1);
    }

    @Test
    void answers_reach_the_caller_unchanged() {
        BrokerResult<Optional<BrokerOrder>> none = BrokerResult.success(Optional.empty());
        broker.answers.add(none);

        assertThat(gateway.findOrder(ClientOrderId.of("O-1"))).isSameAs(none);
        assertThat(gateway.name()).isEqualTo("zerodha");
        assertThat(errors("find_order", "rejected")).isZero();
    }

    @Test
    void a_gateway_that_throws_is_counted_as_an_exception_and_the_exception_is_rethrown_unchanged() {
        IllegalStateException failure = new IllegalStateException("connection reset");
        broker.thrown = failure;

        assertThatThrownBy(() -> gateway.positions()).isSameAs(failure);
        assertThat(requests("positions")).isEqualTo(1);
        assertThat(errors("positions", "exception")).isEqualTo(1);
    }

    private long requests(String operation) {
        return registry.get("oms.broker.request")
                .tag("broker", "zerodha")
                .tag("operation", operation)
                .timer()
                .count();
    }

    private double errors(String operation, String kind) {
        return registry.get("oms.broker.errors")
                .tag("broker", "zerodha")
                .tag("operation", operation)
                .tag("kind", kind)
                .counter()
                .count();
    }

    @SuppressWarnings("unchecked")
    private static final class ScriptedGateway implements BrokerGateway {
        final Deque<BrokerResult<?>> answers = new ArrayDeque<>();
        RuntimeException thrown;

        private <T> BrokerResult<T> answer() {
            if (thrown != null) {
                throw thrown;
            }
            return (BrokerResult<T>) answers.remove();
        }

        @Override
        public String name() {
            return "zerodha";
        }

        @Override
        public BrokerResult<BrokerOrderId> place(Order order) {
            return answer();
        }

        @Override
        public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
            return answer();
        }

        @Override
        public BrokerResult<BrokerOrderId> cancel(Order order) {
            return answer();
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
            return answer();
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
            return answer();
        }

        @Override
        public BrokerResult<List<BrokerOrder>> orders() {
            return answer();
        }

        @Override
        public BrokerResult<List<BrokerTrade>> trades() {
            return answer();
        }

        @Override
        public BrokerResult<List<BrokerPosition>> positions() {
            return answer();
        }
    }
}
