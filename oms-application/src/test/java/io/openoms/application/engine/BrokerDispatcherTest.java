package io.openoms.application.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.openoms.application.ratelimit.RateLimitConfig;
import io.openoms.application.ratelimit.SlidingWindowRateLimitGuard;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.EndpointFamily;
import io.openoms.domain.port.out.RequestPriority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's answer to a broker's rate-limit refusal, against the real token-bucket guard on a
 * fake ticker: the guard's waits move the ticker instead of sleeping, and each broker call takes
 * {@link #NETWORK} of it. The engine's defaults apply: 2 s max wait, 1 s backoff without a hint.
 */
class BrokerDispatcherTest {
    private static final String BROKER = "zerodha";
    private static final Duration NETWORK = Duration.ofMillis(5);
    private static final Instant T0 = Instant.parse("2024-03-04T04:30:00Z");

    private final AtomicLong ticker = new AtomicLong();
    private final SlidingWindowRateLimitGuard guard = new SlidingWindowRateLimitGuard(
            new RateLimitConfig(Map.of(BROKER, BrokerRateLimits.unlimited()), Duration.ofSeconds(2)),
            Clock.fixed(T0, ZoneOffset.UTC),
            ticker::get,
            (monitor, nanos) -> ticker.addAndGet(nanos));
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final CompletableFuture<EngineCommand.BrokerReply> reply = new CompletableFuture<>();
    private final BrokerDispatcher dispatcher = new BrokerDispatcher(
            executor,
            guard,
            EngineConfig.builder().build(),
            command -> reply.complete((EngineCommand.BrokerReply) command),
            new AtomicInteger());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void a_single_429_without_a_hint_that_the_adapter_also_fed_to_the_guard_is_placed_once_after_one_backoff()
            throws Exception {
        RateLimitedOnce broker = new RateLimitedOnce(BrokerResult.rateLimited(Optional.empty(), "HTTP 429"), true);

        BrokerResult<BrokerOrderId> result = place(broker);

        assertThat(result).isEqualTo(BrokerResult.success(BrokerOrderId.of("K1")));
        assertThat(broker.calls).as("one refused call, one placement").hasValue(2);
        assertThat(Duration.ofNanos(ticker.get()))
                .as("the guard held the retry back by the 1 s default backoff once")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThan(Duration.ofSeconds(1).plus(NETWORK.multipliedBy(3)));
    }

    @Test
    void a_429_whose_backoff_fits_the_max_wait_is_retried_because_the_backoff_is_counted_once() throws Exception {
        RateLimitedOnce broker = new RateLimitedOnce(
                BrokerResult.rateLimited(Optional.of(Duration.ofMillis(1500)), "HTTP 429, Retry-After"), true);

        BrokerResult<BrokerOrderId> result = place(broker);

        assertThat(result).isEqualTo(BrokerResult.success(BrokerOrderId.of("K1")));
        assertThat(broker.calls).hasValue(2);
    }

    @Test
    void a_429_whose_backoff_exceeds_the_max_wait_is_answered_at_once_without_a_retry() throws Exception {
        RateLimitedOnce broker = new RateLimitedOnce(
                BrokerResult.rateLimited(Optional.of(Duration.ofSeconds(3)), "HTTP 429, Retry-After"), false);

        BrokerResult<BrokerOrderId> result = place(broker);

        assertThat(result).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(broker.calls).hasValue(1);
        assertThat(Duration.ofNanos(ticker.get())).isEqualTo(NETWORK);
    }

    @Test
    void a_broker_answering_429_with_retry_after_zero_is_retried_a_bounded_number_of_times_with_a_minimum_backoff()
            throws Exception {
        Deque<BrokerResult<BrokerOrderId>> answers = new ArrayDeque<>();
        for (int i = 0; i < 100; i++) {
            answers.add(BrokerResult.rateLimited(Optional.of(Duration.ZERO), "HTTP 429, Retry-After: 0"));
        }
        Scripted broker = new Scripted(answers, false);

        BrokerResult<BrokerOrderId> result = place(broker);

        assertThat(result).isInstanceOf(BrokerResult.RateLimited.class);
        assertThat(broker.calls).hasValue(1 + BrokerDispatcher.MAX_RATE_LIMIT_RETRIES);
        assertThat(Duration.ofNanos(ticker.get()))
                .isGreaterThanOrEqualTo(
                        BrokerDispatcher.MIN_RATE_LIMIT_BACKOFF.multipliedBy(BrokerDispatcher.MAX_RATE_LIMIT_RETRIES));
    }

    private BrokerResult<BrokerOrderId> place(BrokerGateway broker) throws Exception {
        dispatcher.place(broker, order(), RequestPriority.NORMAL);
        EngineCommand.BrokerReply answer = reply.get(10, TimeUnit.SECONDS);
        assertThat(answer.notSent()).isEmpty();
        return answer.result().orElseThrow();
    }

    private static Order order() {
        ClientOrderId id = ClientOrderId.of("O1");
        OrderManager manager = new OrderManager();
        manager.create(
                id,
                OrderRequest.builder()
                        .account("ACC1")
                        .strategy("alpha")
                        .instrument(io.openoms.domain.instrument.InstrumentId.parse("NSE:INFY"))
                        .buy()
                        .quantity(1)
                        .build(),
                Optional.empty(),
                T0);
        manager.release(id, T0);
        return manager.get(id);
    }

    /** Refuses the first placement with {@code refusal}, then places; like Kite's adapter, may feed the 429 to the guard. */
    private final class RateLimitedOnce extends Scripted {
        RateLimitedOnce(BrokerResult<BrokerOrderId> refusal, boolean adapterPenalizes) {
            super(new ArrayDeque<>(List.of(refusal)), adapterPenalizes);
        }
    }

    /** Answers placements from a script, then with success; each call takes {@link #NETWORK} of ticker time. */
    private class Scripted implements BrokerGateway {
        final AtomicInteger calls = new AtomicInteger();
        private final Deque<BrokerResult<BrokerOrderId>> answers;
        private final boolean adapterPenalizes;

        Scripted(Deque<BrokerResult<BrokerOrderId>> answers, boolean adapterPenalizes) {
            this.answers = answers;
            this.adapterPenalizes = adapterPenalizes;
        }

        @Override
        public String name() {
            return BROKER;
        }

        @Override
        public synchronized BrokerResult<BrokerOrderId> place(Order order) {
            calls.incrementAndGet();
            ticker.addAndGet(NETWORK.toNanos());
            BrokerResult<BrokerOrderId> answer = answers.poll();
            if (answer == null) {
                return BrokerResult.success(BrokerOrderId.of("K1"));
            }
            if (adapterPenalizes && answer instanceof BrokerResult.RateLimited<BrokerOrderId> limited) {
                guard.penalize(
                        BROKER, EndpointFamily.ORDERS, limited.retryAfter().orElse(Duration.ofSeconds(1)));
            }
            return answer;
        }

        @Override
        public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<BrokerOrderId> cancel(Order order) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<List<BrokerOrder>> orders() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<List<BrokerTrade>> trades() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BrokerResult<List<BrokerPosition>> positions() {
            throw new UnsupportedOperationException();
        }
    }
}
