package io.openoms.application.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.testing.ScriptedBrokerGateway;
import io.openoms.domain.value.AccountId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticOrderRouterTest {
    private static final AccountId PAPER = AccountId.of("PAPER1");
    private static final AccountId LIVE = AccountId.of("AB1234");

    private final BrokerGateway mock = new ScriptedBrokerGateway("mock");
    private final BrokerGateway zerodha = new ScriptedBrokerGateway("zerodha");

    @Test
    void an_account_is_routed_to_the_broker_it_is_bound_to() {
        OrderRouter router = new StaticOrderRouter(
                List.of(mock, zerodha), new RoutingConfig(Map.of(PAPER, "mock", LIVE, "zerodha")));

        assertThat(router.brokerFor(PAPER)).containsSame(mock);
        assertThat(router.brokerFor(LIVE)).containsSame(zerodha);
    }

    @Test
    void an_unbound_account_has_no_broker() {
        OrderRouter router = new StaticOrderRouter(List.of(mock), RoutingConfig.allTo("mock", PAPER));

        assertThat(router.brokerFor(LIVE)).isEmpty();
    }

    @Test
    void brokers_are_found_by_name_and_listed_in_registration_order() {
        OrderRouter router = new StaticOrderRouter(List.of(zerodha, mock), new RoutingConfig(Map.of()));

        assertThat(router.broker("mock")).containsSame(mock);
        assertThat(router.broker("upstox")).isEmpty();
        assertThat(router.brokers()).containsExactly(zerodha, mock);
    }

    @Test
    void binding_an_account_to_an_unregistered_broker_fails_at_construction() {
        assertThatThrownBy(() -> new StaticOrderRouter(List.of(mock), RoutingConfig.allTo("zerodha", LIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Account AB1234 is bound to broker 'zerodha', which is not registered; registered: [mock]");
    }

    @Test
    void registering_two_brokers_under_one_name_fails_at_construction() {
        assertThatThrownBy(() -> new StaticOrderRouter(
                        List.of(mock, new ScriptedBrokerGateway("mock")), new RoutingConfig(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two brokers are registered under the name 'mock'");
    }

    @Test
    void listing_an_account_twice_in_one_binding_is_refused() {
        assertThatThrownBy(() -> RoutingConfig.allTo("mock", PAPER, PAPER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PAPER1");
    }
}
