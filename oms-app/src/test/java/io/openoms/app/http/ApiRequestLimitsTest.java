package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openoms.app.config.ApiRateLimitConfig;
import io.openoms.app.http.ApiRequestLimits.RequestKind;
import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-key token buckets, driven by a ticker the test moves: no sleeps, exact nanoseconds. */
class ApiRequestLimitsTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(123_456_789L);

    @Test
    void a_key_gets_its_burst_then_429_until_the_next_request_has_refilled() {
        ApiRequestLimits limits = limits("1", 3, "1", 3);

        admit(limits, "bot", RequestKind.REQUEST, 3);
        ApiException refused = refusal(limits, "bot", RequestKind.REQUEST);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.getMessage())
                .contains("'bot'")
                .contains("1 per second")
                .contains("bursts of 3");
        assertThat(refused.details())
                .containsEntry("retryAfterSeconds", 1L)
                .containsEntry("budget", "requests")
                .containsEntry("requestsPerSecond", "1")
                .containsEntry("burst", 3);
        now.addAndGet(SECOND - 1);
        assertThat(refusal(limits, "bot", RequestKind.REQUEST).details()).containsEntry("retryAfterSeconds", 1L);
        now.addAndGet(1);
        admit(limits, "bot", RequestKind.REQUEST, 1);
        refusal(limits, "bot", RequestKind.REQUEST);
    }

    @Test
    void a_fractional_rate_refills_to_the_nanosecond_without_rounding() {
        ApiRequestLimits limits = limits("3", 1, "3", 1);

        admit(limits, "bot", RequestKind.REQUEST, 1);
        // A third of a second is 333,333,333.3 ns: the request is back only on the next whole nanosecond.
        now.addAndGet(333_333_333L);
        refusal(limits, "bot", RequestKind.REQUEST);
        now.addAndGet(1);
        admit(limits, "bot", RequestKind.REQUEST, 1);

        ApiRequestLimits slow = limits("0.001", 1, "0.001", 1);
        admit(slow, "bot", RequestKind.REQUEST, 1);
        assertThat(refusal(slow, "bot", RequestKind.REQUEST).details()).containsEntry("retryAfterSeconds", 1000L);
        now.addAndGet(999 * SECOND + 1);
        assertThat(refusal(slow, "bot", RequestKind.REQUEST).details()).containsEntry("retryAfterSeconds", 1L);
    }

    @Test
    void order_entry_takes_from_both_budgets_and_a_refused_request_takes_from_neither() {
        ApiRequestLimits limits = limits("1", 5, "0.5", 2);

        admit(limits, "bot", RequestKind.ORDER_ENTRY, 2);
        ApiException orders = refusal(limits, "bot", RequestKind.ORDER_ENTRY);
        assertThat(orders.details())
                .containsEntry("budget", "orders")
                .containsEntry("retryAfterSeconds", 2L)
                .containsEntry("requestsPerSecond", "0.5")
                .containsEntry("burst", 2);
        assertThat(orders.getMessage()).contains("order-entry requests");

        // 5 - 2 orders = 3 reads left: the refused order took nothing.
        admit(limits, "bot", RequestKind.REQUEST, 3);
        assertThat(refusal(limits, "bot", RequestKind.REQUEST).details()).containsEntry("budget", "requests");
    }

    @Test
    void a_request_refused_by_both_budgets_waits_for_the_later_one() {
        ApiRequestLimits limits = limits("1", 1, "0.25", 1);

        admit(limits, "bot", RequestKind.ORDER_ENTRY, 1);

        assertThat(refusal(limits, "bot", RequestKind.ORDER_ENTRY).details())
                .containsEntry("budget", "orders")
                .containsEntry("retryAfterSeconds", 4L);
        assertThat(refusal(limits, "bot", RequestKind.REQUEST).details())
                .containsEntry("budget", "requests")
                .containsEntry("retryAfterSeconds", 1L);
    }

    @Test
    void each_key_has_its_own_budgets() {
        ApiRequestLimits limits = limits("1", 2, "1", 1);

        admit(limits, "runaway", RequestKind.ORDER_ENTRY, 1);
        admit(limits, "runaway", RequestKind.REQUEST, 1);
        refusal(limits, "runaway", RequestKind.REQUEST);
        refusal(limits, "runaway", RequestKind.ORDER_ENTRY);

        admit(limits, "dashboard", RequestKind.REQUEST, 2);
        admit(limits, "other-bot", RequestKind.ORDER_ENTRY, 1);
    }

    @Test
    void a_key_idle_for_ages_has_its_burst_and_not_more() {
        ApiRequestLimits limits = limits("100000", 100_000, "100000", 100_000);

        admit(limits, "bot", RequestKind.ORDER_ENTRY, 100_000);
        now.addAndGet(Long.MAX_VALUE / 2);

        admit(limits, "bot", RequestKind.ORDER_ENTRY, 100_000);
        refusal(limits, "bot", RequestKind.ORDER_ENTRY);
    }

    @Test
    void a_disabled_limit_refuses_nothing() {
        ApiRequestLimits limits =
                new ApiRequestLimits(new ApiRateLimitConfig(false, BigDecimal.ONE, 1, BigDecimal.ONE, 1), now::get);

        admit(limits, "bot", RequestKind.ORDER_ENTRY, 1_000);
    }

    private ApiRequestLimits limits(String rate, int burst, String orderRate, int orderBurst) {
        return new ApiRequestLimits(
                new ApiRateLimitConfig(true, new BigDecimal(rate), burst, new BigDecimal(orderRate), orderBurst),
                now::get);
    }

    private static void admit(ApiRequestLimits limits, String key, RequestKind kind, int times) {
        for (int i = 0; i < times; i++) {
            int attempt = i + 1;
            assertThatCode(() -> limits.admit(key, kind))
                    .as("%s request %d of key %s", kind, attempt, key)
                    .doesNotThrowAnyException();
        }
    }

    private static ApiException refusal(ApiRequestLimits limits, String key, RequestKind kind) {
        ApiException refused = catchThrowableOfType(() -> limits.admit(key, kind), ApiException.class);
        assertThat(refused).as("%s request of key %s is refused", kind, key).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        return refused;
    }
}
