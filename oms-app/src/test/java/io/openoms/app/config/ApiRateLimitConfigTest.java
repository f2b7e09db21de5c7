package io.openoms.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code security.rate-limit.*}: defaults, every key, refusals that name the key. */
class ApiRateLimitConfigTest {
    private static final ConfigLoader NO_ENVIRONMENT = new ConfigLoader(Map.of());

    @Test
    void by_default_every_key_may_send_50_requests_per_second_in_bursts_of_200_and_20_orders_in_bursts_of_100() {
        ApiRateLimitConfig limit =
                NO_ENVIRONMENT.parse("", "defaults").security().rateLimit();

        assertThat(limit.enabled()).isTrue();
        assertThat(limit.requestsPerSecond()).isEqualByComparingTo("50");
        assertThat(limit.burst()).isEqualTo(200);
        assertThat(limit.orderRequestsPerSecond()).isEqualByComparingTo("20");
        assertThat(limit.orderBurst()).isEqualTo(100);
    }

    @Test
    void every_key_is_read_and_a_section_given_in_part_keeps_the_other_defaults() {
        ApiRateLimitConfig limit = NO_ENVIRONMENT
                .parse(
                        """
                        security:
                          rate-limit:
                            enabled: false
                            requests-per-second: 0.5
                            burst: 3
                            order-requests-per-second: 0.001
                            order-burst: 2
                        """,
                        "oms.yaml")
                .security()
                .rateLimit();
        ApiRateLimitConfig partial = NO_ENVIRONMENT
                .parse("security: {rate-limit: {burst: 7}}", "oms.yaml")
                .security()
                .rateLimit();

        assertThat(limit)
                .isEqualTo(new ApiRateLimitConfig(false, new BigDecimal("0.5"), 3, new BigDecimal("0.001"), 2));
        assertThat(partial)
                .isEqualTo(new ApiRateLimitConfig(true, BigDecimal.valueOf(50), 7, BigDecimal.valueOf(20), 100));
    }

    @Test
    void an_invalid_value_is_refused_naming_the_key_and_what_is_allowed() {
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("security: {rate-limit: {burst: 0}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.burst: must be between 1 and 100000 requests, got 0");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("security: {rate-limit: {order-burst: 1000000}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.order-burst: must be between 1 and 100000");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("security: {rate-limit: {requests-per-second: 0}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.requests-per-second: must be between 0.001 and 100000"
                        + " requests per second with at most 3 decimals, got 0");
        assertThatThrownBy(() ->
                        NO_ENVIRONMENT.parse("security: {rate-limit: {order-requests-per-second: 0.0005}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.order-requests-per-second: must be between 0.001");
        assertThatThrownBy(
                        () -> NO_ENVIRONMENT.parse("security: {rate-limit: {requests-per-second: 1.2345}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.requests-per-second")
                .hasMessageContaining("at most 3 decimals, got 1.2345");
        assertThatThrownBy(
                        () -> NO_ENVIRONMENT.parse("security: {rate-limit: {requests-per-second: fast}}", "oms.yaml"))
                .hasMessageContaining("security.rate-limit.requests-per-second")
                .hasMessageContaining("number");
        assertThatThrownBy(() -> NO_ENVIRONMENT.parse("security: {rate-limit: {per-second: 5}}", "oms.yaml"))
                .hasMessageContaining("unknown key 'security.rate-limit.per-second'")
                .hasMessageContaining("order-burst");
    }

    @Test
    void a_rate_with_trailing_zeros_is_exact() {
        ApiRateLimitConfig limit =
                new ApiRateLimitConfig(true, new BigDecimal("0.0010000"), 1, new BigDecimal("2.500"), 1);

        assertThat(ApiRateLimitConfig.milliRequestsPerSecond(limit.requestsPerSecond()))
                .isEqualTo(1);
        assertThat(ApiRateLimitConfig.milliRequestsPerSecond(limit.orderRequestsPerSecond()))
                .isEqualTo(2500);
    }
}
