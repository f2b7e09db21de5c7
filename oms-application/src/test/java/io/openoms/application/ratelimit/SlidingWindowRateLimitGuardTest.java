package io.openoms.application.ratelimit;

import static io.openoms.domain.port.out.EndpointFamily.MODIFICATIONS;
import static io.openoms.domain.port.out.EndpointFamily.ORDERS;
import static io.openoms.domain.port.out.EndpointFamily.QUERIES;
import static io.openoms.domain.port.out.EndpointFamily.QUOTES;
import static io.openoms.domain.port.out.RequestPriority.CANCEL;
import static io.openoms.domain.port.out.RequestPriority.NORMAL;
import static io.openoms.domain.port.out.RequestPriority.REDUCING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.testing.Await;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.FamilyLimits;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitDecision.Granted;
import io.openoms.domain.port.out.RateLimitDecision.Refused;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimitGuardTest {
    private static final String ZERODHA = "zerodha";
    // 09:30 in India: the trading day ends 14h30m later, at midnight IST.
    private static final Instant MORNING = Instant.parse("2026-03-02T04:00:00Z");
    private static final Duration LONG = Duration.ofMinutes(10);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void ten_orders_in_a_second_pass_and_the_eleventh_waits_until_the_second_rolls() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);

        for (int i = 0; i < 10; i++) {
            assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofSeconds(2)))
                    .isEqualTo(new Granted(Duration.ZERO));
        }
        assertThat(time.elapsed()).isZero();

        assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofSeconds(2)))
                .isEqualTo(new Granted(Duration.ofSeconds(1)));
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void the_two_hundred_and_first_order_in_a_minute_waits_until_the_first_leaves_the_minute() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);

        for (int i = 0; i < 200; i++) {
            assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, LONG)).isInstanceOf(Granted.class);
        }
        // Ten a second: the 200th went at 19s.
        assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(19));

        assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, LONG)).isEqualTo(new Granted(Duration.ofSeconds(41)));
        assertThat(time.elapsed()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void a_request_that_cannot_be_served_within_its_max_wait_is_refused_at_once_naming_the_window() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        for (int i = 0; i < 10; i++) {
            guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ZERO);
        }

        RateLimitDecision decision = guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofMillis(500));

        assertThat(decision)
                .isEqualTo(new Refused("zerodha ORDERS: 10/s limit, waited 0ms (max wait 500ms, next permit in 1s)"));
        assertThat(time.elapsed()).isZero();
    }

    @Test
    void a_request_still_queued_when_its_max_wait_runs_out_is_refused_with_how_long_it_waited() throws Exception {
        FakeTime time = FakeTime.manual(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        guard.acquire(ZERODHA, QUOTES, NORMAL, Duration.ZERO);
        Future<RateLimitDecision> first = acquireInThread(guard, QUOTES, NORMAL, Duration.ofSeconds(5));
        awaitWaiting(guard, QUOTES, 1);
        Future<RateLimitDecision> second = acquireInThread(guard, QUOTES, NORMAL, Duration.ofMillis(2500));
        awaitWaiting(guard, QUOTES, 2);

        time.advance(Duration.ofSeconds(2));

        assertThat(result(first)).isEqualTo(new Granted(Duration.ofSeconds(2)));
        assertThat(result(second))
                .isEqualTo(new Refused("zerodha QUOTES: 1/s limit, waited 2s (max wait 2.500s, next permit in 1s)"));
    }

    @Test
    void waiting_requests_are_served_cancels_first_then_reducing_then_normal() throws Exception {
        FakeTime time = FakeTime.manual(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        guard.acquire(ZERODHA, QUOTES, NORMAL, Duration.ZERO);
        List<RequestPriority> served = new CopyOnWriteArrayList<>();
        List<Future<RateLimitDecision>> requests = new ArrayList<>();
        // Arrival order is the reverse of the service order.
        for (RequestPriority priority : List.of(NORMAL, REDUCING, CANCEL)) {
            requests.add(threads.submit(() -> {
                RateLimitDecision decision = guard.acquire(ZERODHA, QUOTES, priority, LONG);
                served.add(priority);
                return decision;
            }));
            awaitWaiting(guard, QUOTES, requests.size());
        }

        for (int permits = 1; permits <= 3; permits++) {
            time.advance(Duration.ofSeconds(1));
            int expected = permits;
            Await.until(expected + " served", () -> served.size() == expected);
        }

        assertThat(served).containsExactly(CANCEL, REDUCING, NORMAL);
        for (Future<RateLimitDecision> request : requests) {
            assertThat(result(request)).isInstanceOf(Granted.class);
        }
    }

    @Test
    void a_normal_request_never_takes_the_permit_a_waiting_cancel_is_owed() throws Exception {
        FakeTime time = FakeTime.manual(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        guard.acquire(ZERODHA, QUOTES, NORMAL, Duration.ZERO);
        Future<RateLimitDecision> cancel = acquireInThread(guard, QUOTES, CANCEL, LONG);
        awaitWaiting(guard, QUOTES, 1);

        time.advance(Duration.ofSeconds(1));
        RateLimitDecision normal = guard.acquire(ZERODHA, QUOTES, NORMAL, Duration.ZERO);

        assertThat(normal).isInstanceOf(Refused.class);
        assertThat(result(cancel)).isEqualTo(new Granted(Duration.ofSeconds(1)));
    }

    @Test
    void a_penalty_holds_the_family_back_for_the_backoff_and_leaves_other_families_alone() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);

        guard.penalize(ZERODHA, ORDERS, Duration.ofSeconds(3));

        assertThat(guard.acquire(ZERODHA, QUERIES, NORMAL, Duration.ZERO)).isEqualTo(new Granted(Duration.ZERO));
        assertThat(guard.acquire(ZERODHA, ORDERS, CANCEL, Duration.ofSeconds(1)))
                .isEqualTo(
                        new Refused("zerodha ORDERS: HTTP 429 backoff, waited 0ms (max wait 1s, next permit in 3s)"));
        assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofSeconds(5)))
                .isEqualTo(new Granted(Duration.ofSeconds(3)));
    }

    @Test
    void a_shorter_penalty_does_not_cut_a_longer_one_short() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);

        guard.penalize(ZERODHA, QUERIES, Duration.ofSeconds(30));
        guard.penalize(ZERODHA, QUERIES, Duration.ofSeconds(1));

        assertThat(guard.acquire(ZERODHA, QUERIES, NORMAL, LONG)).isEqualTo(new Granted(Duration.ofSeconds(30)));
    }

    @Test
    void modifications_draw_on_the_order_budget_at_kite() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        for (int i = 0; i < 10; i++) {
            guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ZERO);
        }

        assertThat(guard.acquire(ZERODHA, MODIFICATIONS, CANCEL, Duration.ZERO))
                .isEqualTo(new Refused("zerodha MODIFICATIONS (ORDERS budget): 10/s limit, waited 0ms"
                        + " (max wait 0ms, next permit in 1s)"));
    }

    @Test
    void the_day_budget_is_refused_until_midnight_in_the_brokers_zone_and_then_starts_again() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = guard(time, new FamilyLimits(0, 0, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ZERO)).isInstanceOf(Granted.class);
        }

        assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofMinutes(1)))
                .isEqualTo(new Refused("zerodha ORDERS: 3/day limit, waited 0ms (max wait 1m, next permit in 14h30m)"));
        assertThat(guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ofHours(15)))
                .isEqualTo(new Granted(Duration.ofHours(14).plusMinutes(30)));
        assertThat(guard.usage().get(ZERODHA).get(ORDERS).usedToday()).isEqualTo(1);
    }

    @Test
    void usage_reports_each_window_against_its_limit_per_family() throws Exception {
        FakeTime time = FakeTime.automatic(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        for (int i = 0; i < 3; i++) {
            guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ZERO);
        }
        guard.acquire(ZERODHA, MODIFICATIONS, CANCEL, Duration.ZERO);
        guard.acquire(ZERODHA, QUERIES, NORMAL, Duration.ZERO);
        guard.acquire(ZERODHA, QUERIES, NORMAL, Duration.ZERO);

        Map<EndpointFamily, RateLimitUsage> usage = guard.usage().get(ZERODHA);
        assertThat(usage.get(ORDERS)).isEqualTo(new RateLimitUsage(4, 10, 4, 200, 4, 5000, 0));
        assertThat(usage.get(MODIFICATIONS)).isEqualTo(usage.get(ORDERS));
        assertThat(usage.get(QUERIES)).isEqualTo(new RateLimitUsage(2, 10, 2, 0, 2, 0, 0));
        assertThat(usage.get(QUOTES)).isEqualTo(new RateLimitUsage(0, 1, 0, 0, 0, 0, 0));

        time.advance(Duration.ofSeconds(1));
        assertThat(guard.usage().get(ZERODHA).get(ORDERS)).isEqualTo(new RateLimitUsage(0, 10, 4, 200, 4, 5000, 0));
    }

    @Test
    void a_broker_without_configured_limits_is_a_wiring_error() {
        RateLimitGuard guard = kiteGuard(FakeTime.automatic(MORNING));

        assertThatThrownBy(() -> guard.acquire("mock", ORDERS, NORMAL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mock'");
    }

    @Test
    void concurrent_requests_never_exceed_the_budget() throws Exception {
        Clock clock = Clock.fixed(MORNING, ZoneOffset.UTC);
        RateLimitConfig config = new RateLimitConfig(
                Map.of(ZERODHA, limits(new FamilyLimits(0, 0, 1_000))), RateLimitConfig.DEFAULT_MAX_WAIT);
        RateLimitGuard guard = new SlidingWindowRateLimitGuard(config, clock);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            workers.add(threads.submit(() -> {
                int granted = 0;
                for (int i = 0; i < 200; i++) {
                    if (guard.acquire(ZERODHA, ORDERS, NORMAL, Duration.ZERO) instanceof Granted) {
                        granted++;
                    }
                }
                return granted;
            }));
        }

        int granted = 0;
        for (Future<Integer> worker : workers) {
            granted += worker.get(10, TimeUnit.SECONDS);
        }

        assertThat(granted).isEqualTo(1_000);
        assertThat(guard.usage().get(ZERODHA).get(ORDERS).usedToday()).isEqualTo(1_000);
    }

    @Test
    void concurrent_waiting_requests_are_all_served_within_the_limits() throws Exception {
        FakeTime time = FakeTime.manual(MORNING);
        RateLimitGuard guard = kiteGuard(time);
        List<Future<RateLimitDecision>> requests = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            requests.add(acquireInThread(guard, ORDERS, i % 2 == 0 ? NORMAL : CANCEL, LONG));
        }
        Await.until("15 waiting", () -> guard.usage().get(ZERODHA).get(ORDERS).waiting() == 15);

        time.advance(Duration.ofSeconds(1));
        Await.until("5 waiting", () -> guard.usage().get(ZERODHA).get(ORDERS).waiting() == 5);
        assertThat(guard.usage().get(ZERODHA).get(ORDERS).usedThisSecond()).isEqualTo(10);
        time.advance(Duration.ofSeconds(1));

        for (Future<RateLimitDecision> request : requests) {
            assertThat(result(request)).isInstanceOf(Granted.class);
        }
        assertThat(guard.usage().get(ZERODHA).get(ORDERS).usedThisMinute()).isEqualTo(25);
    }

    private Future<RateLimitDecision> acquireInThread(
            RateLimitGuard guard, EndpointFamily family, RequestPriority priority, Duration maxWait) {
        return threads.submit(() -> guard.acquire(ZERODHA, family, priority, maxWait));
    }

    private static RateLimitDecision result(Future<RateLimitDecision> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static void awaitWaiting(RateLimitGuard guard, EndpointFamily family, int waiting) {
        Await.until(
                waiting + " waiting for " + family,
                () -> guard.usage().get(ZERODHA).get(family).waiting() == waiting);
    }

    private static RateLimitGuard kiteGuard(FakeTime time) {
        RateLimitConfig config = new RateLimitConfig(Map.of(ZERODHA, kiteLimits()), RateLimitConfig.DEFAULT_MAX_WAIT);
        return new SlidingWindowRateLimitGuard(config, time.clock(), time, time);
    }

    /** Kite Connect's published limits, as {@code KiteConfig#rateLimits} states them by default. */
    private static BrokerRateLimits kiteLimits() {
        return new BrokerRateLimits(
                Map.of(
                        EndpointFamily.ORDERS, new FamilyLimits(10, 200, 5_000),
                        EndpointFamily.QUERIES, FamilyLimits.perSecond(10),
                        EndpointFamily.QUOTES, FamilyLimits.perSecond(1)),
                Map.of(EndpointFamily.MODIFICATIONS, EndpointFamily.ORDERS),
                25,
                BrokerRateLimits.INDIA);
    }

    private static RateLimitGuard guard(FakeTime time, FamilyLimits orders) {
        RateLimitConfig config = new RateLimitConfig(Map.of(ZERODHA, limits(orders)), LONG);
        return new SlidingWindowRateLimitGuard(config, time.clock(), time, time);
    }

    private static BrokerRateLimits limits(FamilyLimits orders) {
        return new BrokerRateLimits(Map.of(ORDERS, orders), Map.of(), 0, BrokerRateLimits.INDIA);
    }
}
