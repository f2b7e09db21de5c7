package io.openoms.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RateLimitDecision;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.port.out.RateLimitUsage;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredRateLimitGuardTest {
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScriptedGuard limits = new ScriptedGuard();
    private final RateLimitGuard guard = new MeteredRateLimitGuard(limits, registry, List.of("zerodha"));

    @Test
    void granted_permits_record_how_long_they_waited_and_refusals_are_counted() throws InterruptedException {
        RateLimitDecision immediate = new RateLimitDecision.Granted(Duration.ZERO);
        RateLimitDecision waited = new RateLimitDecision.Granted(Duration.ofMillis(300));
        RateLimitDecision refused = new RateLimitDecision.Refused("zerodha ORDERS: 10/s limit");
        limits.next = immediate;
        assertThat(guard.acquire("zerodha", EndpointFamily.ORDERS, RequestPriority.NORMAL, MAX_WAIT))
                .isSameAs(immediate);
        limits.next = waited;
        assertThat(guard.acquire("zerodha", EndpointFamily.ORDERS, RequestPriority.NORMAL, MAX_WAIT))
                .isSameAs(waited);
        limits.next = refused;
        assertThat(guard.acquire("zerodha", EndpointFamily.ORDERS, RequestPriority.NORMAL, MAX_WAIT))
                .isSameAs(refused);

        assertThat(waits("ORDERS").count()).isEqualTo(2);
        assertThat(waits("ORDERS").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
        assertThat(counter("oms.rate.limit.refusals", "ORDERS")).isEqualTo(1);
        assertThat(counter("oms.rate.limit.refusals", "QUERIES")).isZero();
    }

    @Test
    void a_broker_imposed_backoff_is_counted_and_passed_on() {
        guard.penalize("zerodha", EndpointFamily.MODIFICATIONS, Duration.ofSeconds(1));

        assertThat(counter("oms.rate.limit.backoffs", "MODIFICATIONS")).isEqualTo(1);
        assertThat(limits.penalized).containsExactly("zerodha MODIFICATIONS PT1S");
    }

    @Test
    void a_broker_not_named_up_front_is_measured_from_its_first_request() throws InterruptedException {
        limits.next = new RateLimitDecision.Granted(Duration.ZERO);

        guard.acquire("mock", EndpointFamily.QUERIES, RequestPriority.NORMAL, MAX_WAIT);

        assertThat(registry.get("oms.rate.limit.wait")
                        .tag("broker", "mock")
                        .tag("family", "QUERIES")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void an_interrupt_while_waiting_reaches_the_caller() {
        limits.interrupt = true;

        assertThatThrownBy(() -> guard.acquire("zerodha", EndpointFamily.ORDERS, RequestPriority.CANCEL, MAX_WAIT))
                .isInstanceOf(InterruptedException.class);
        assertThat(waits("ORDERS").count()).isZero();
    }

    @Test
    void usage_is_the_guards_own() {
        assertThat(guard.usage()).isSameAs(limits.usage);
    }

    private io.micrometer.core.instrument.Timer waits(String family) {
        return registry.get("oms.rate.limit.wait")
                .tag("broker", "zerodha")
                .tag("family", family)
                .timer();
    }

    private double counter(String name, String family) {
        return registry.get(name)
                .tag("broker", "zerodha")
                .tag("family", family)
                .counter()
                .count();
    }

    private static final class ScriptedGuard implements RateLimitGuard {
        RateLimitDecision next;
        boolean interrupt;
        final List<String> penalized = new ArrayList<>();
        final Map<String, Map<EndpointFamily, RateLimitUsage>> usage = new HashMap<>();

        @Override
        public RateLimitDecision acquire(
                String broker, EndpointFamily family, RequestPriority priority, Duration maxWait)
                throws InterruptedException {
            if (interrupt) {
                throw new InterruptedException("stopping");
            }
            return next;
        }

        @Override
        public void penalize(String broker, EndpointFamily family, Duration backoff) {
            penalized.add(broker + " " + family + " " + backoff);
        }

        @Override
        public Map<String, Map<EndpointFamily, RateLimitUsage>> usage() {
            return usage;
        }
    }
}
