package io.openoms.application.ratelimit;

import static io.openoms.domain.port.out.EndpointFamily.MODIFICATIONS;
import static io.openoms.domain.port.out.EndpointFamily.ORDERS;
import static io.openoms.domain.port.out.EndpointFamily.QUERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.FamilyLimits;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitConfigTest {
    @Test
    void the_default_wait_for_a_permit_is_five_seconds() {
        assertThat(RateLimitConfig.DEFAULT_MAX_WAIT).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_family_without_limits_is_unlimited() {
        assertThat(BrokerRateLimits.unlimited().limits(ORDERS).unlimited()).isTrue();
    }

    @Test
    void brokers_and_the_default_wait_can_be_replaced() {
        RateLimitConfig config = new RateLimitConfig(
                        Map.of("zerodha", BrokerRateLimits.unlimited()), RateLimitConfig.DEFAULT_MAX_WAIT)
                .withBroker("mock", BrokerRateLimits.unlimited())
                .withDefaultMaxWait(Duration.ofSeconds(1));

        assertThat(config.brokers()).containsOnlyKeys("zerodha", "mock");
        assertThat(config.defaultMaxWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void limits_are_never_negative() {
        assertThatThrownBy(() -> new FamilyLimits(-1, 0, 0)).hasMessageContaining("perSecond");
        assertThatThrownBy(() -> new RateLimitConfig(Map.of(), Duration.ofSeconds(-1)))
                .hasMessageContaining("defaultMaxWait");
    }

    @Test
    void a_family_either_has_its_own_limits_or_shares_a_budget_that_is_not_itself_shared() {
        assertThatThrownBy(() -> new BrokerRateLimits(
                        Map.of(MODIFICATIONS, FamilyLimits.perSecond(1)),
                        Map.of(MODIFICATIONS, ORDERS),
                        0,
                        BrokerRateLimits.INDIA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerRateLimits(
                        Map.of(), Map.of(MODIFICATIONS, ORDERS, ORDERS, QUERIES), 0, BrokerRateLimits.INDIA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BrokerRateLimits(Map.of(), Map.of(ORDERS, ORDERS), 0, BrokerRateLimits.INDIA))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
