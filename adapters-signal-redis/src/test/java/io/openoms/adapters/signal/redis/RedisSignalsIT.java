package io.openoms.adapters.signal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openoms.application.intake.SignalIntake;
import io.openoms.application.intake.SignalParser;
import io.openoms.application.testing.Await;
import io.openoms.application.testing.EngineHarness;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.in.CancelAllOrders;
import io.openoms.domain.port.in.CancelAllResult;
import io.openoms.domain.port.in.CancelOrder;
import io.openoms.domain.port.in.ModifyOrder;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.OrderEntry;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.OrderQuery;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.value.Side;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/** The Redis intake against a real Redis and the real engine (in-memory stores). */
class RedisSignalsIT {
    private static final String SIGNAL =
            "{\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":5,\"reason\":\"RSI crossed 30\"}";

    private final EngineHarness harness = new EngineHarness();
    private final SignalParser parser =
            new SignalParser(List.of(EngineHarness.ACCOUNT), List.of(EngineHarness.INFY, EngineHarness.TCS));
    private UnifiedJedis redis;
    private RedisSignalConfig config;
    private final List<RedisSignals> opened = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        redis = TestRedis.connect();
        String prefix = TestRedis.prefix();
        RedisSignalConfig defaults = RedisSignalConfig.defaults(TestRedis.URL);
        config = new RedisSignalConfig(
                TestRedis.URL,
                prefix + "signals",
                "openoms",
                "oms-1",
                prefix + "results",
                prefix + "dead",
                Optional.of(prefix + "trade_signals"),
                defaults.claimIdle(),
                Duration.ofMillis(100),
                10,
                1000);
        harness.start();
    }

    @AfterEach
    void stop() {
        opened.forEach(RedisSignals::close);
        if (redis != null) {
            redis.del(config.stream(), config.resultsStream(), config.deadLetterStream());
            redis.close();
        }
        harness.close();
    }

    @Test
    void a_signal_on_the_stream_becomes_one_order_and_its_outcome_is_published() {
        RedisSignals signals = signals(config, harness.engine);
        StreamEntryID entry = add(SIGNAL);

        assertThat(signals.consumer().pollOnce()).isEqualTo(1);

        List<Order> orders = orders();
        assertThat(orders).hasSize(1);
        Order order = orders.get(0);
        assertThat(order.id().value()).isEqualTo("redis-" + entry);
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.quantity().value()).isEqualByComparingTo("5");
        assertThat(order.tag()).contains("sig-RSI-crossed-30");
        assertThat(results()).singleElement().satisfies(result -> assertThat(result)
                .containsEntry("source", entry.toString())
                .containsEntry("status", "accepted")
                .containsEntry("orderId", order.id().value()));
        assertThat(signals.consumer().pending()).isZero();
        assertThat(signals.counters().placed()).isEqualTo(1);
    }

    @Test
    void a_signal_redelivered_after_a_crash_between_placing_and_acknowledging_places_no_second_order() {
        // The first process places the order, then dies before it can publish and acknowledge.
        CrashAfterPlacing crashing = new CrashAfterPlacing(harness.engine);
        RedisSignals first = signals(config, crashing);
        crashing.dies = first;
        add("{\"id\":\"sig-42\",\"symbol\":\"INFY\",\"side\":\"BUY\",\"qty\":5,\"reason\":\"breakout\"}");

        assertThatThrownBy(() -> first.consumer().pollOnce()).isInstanceOf(RuntimeException.class);
        assertThat(orders()).hasSize(1);

        // The restarted process (same consumer name) reads its unacknowledged entry again.
        RedisSignals restarted = signals(config, harness.engine);
        assertThat(restarted.consumer().pending()).isEqualTo(1);
        assertThat(restarted.consumer().pollOnce()).isEqualTo(1);

        assertThat(orders()).singleElement().satisfies(order -> assertThat(order.id())
                .isEqualTo(ClientOrderId.of("sig-42")));
        assertThat(results()).singleElement().satisfies(result -> assertThat(result)
                .containsEntry("status", "accepted")
                .containsEntry("id", "sig-42"));
        assertThat(restarted.consumer().pending()).isZero();
    }

    @Test
    void another_consumer_claims_an_entry_left_unacknowledged_by_a_dead_one_and_places_no_second_order() {
        CrashAfterPlacing crashing = new CrashAfterPlacing(harness.engine);
        RedisSignals dead = signals(config, crashing);
        crashing.dies = dead;
        add(SIGNAL);
        assertThatThrownBy(() -> dead.consumer().pollOnce()).isInstanceOf(RuntimeException.class);

        RedisSignalConfig other = new RedisSignalConfig(
                config.url(),
                config.stream(),
                config.group(),
                "oms-2",
                config.resultsStream(),
                config.deadLetterStream(),
                Optional.empty(),
                Duration.ofMillis(1),
                config.blockTimeout(),
                config.batchSize(),
                config.resultsMaxLength());
        RedisSignals survivor = signals(other, harness.engine);
        Await.until("the survivor claims the entry", () -> survivor.consumer().pollOnce() > 0);

        assertThat(orders()).hasSize(1);
        assertThat(survivor.consumer().pending()).isZero();
        assertThat(results()).singleElement().satisfies(result -> assertThat(result)
                .containsEntry("status", "accepted"));
    }

    @Test
    void the_same_signal_id_twice_places_one_order() {
        RedisSignals signals = signals(config, harness.engine);
        String signal = "{\"id\":\"tv-7\",\"symbol\":\"INFY\",\"side\":\"SELL\",\"qty\":\"2\",\"reason\":\"again\"}";
        add(signal);
        add(signal);

        assertThat(signals.consumer().pollOnce()).isEqualTo(2);

        assertThat(orders()).singleElement().satisfies(order -> assertThat(order.id())
                .isEqualTo(ClientOrderId.of("tv-7")));
        assertThat(results()).hasSize(2).allSatisfy(result -> assertThat(result)
                .containsEntry("status", "accepted")
                .containsEntry("orderId", "tv-7"));
    }

    @Test
    void a_malformed_signal_is_parked_with_the_reason_and_the_consumer_goes_on() {
        RedisSignals signals = signals(config, harness.engine);
        StreamEntryID bad = add("{\"symbol\":\"INFY\",\"side\":\"buy\",\"qty\":-1}");
        StreamEntryID notJson = add("BUY INFY 5");
        StreamEntryID noField = redis.xadd(config.stream(), XAddParams.xAddParams(), Map.of("text", SIGNAL));
        add(SIGNAL);

        assertThat(signals.consumer().pollOnce()).isEqualTo(4);

        List<Map<String, String>> dead = entries(config.deadLetterStream());
        assertThat(dead).hasSize(3);
        assertThat(dead.get(0))
                .containsEntry("source", bad.toString())
                .containsEntry("signal", "{\"symbol\":\"INFY\",\"side\":\"buy\",\"qty\":-1}");
        assertThat(dead.get(0).get("reason"))
                .contains("side: 'buy' is not allowed")
                .contains("qty: must not be negative")
                .contains("reason: is required");
        assertThat(dead.get(1)).containsEntry("source", notJson.toString());
        assertThat(dead.get(1).get("reason")).startsWith("not valid JSON");
        assertThat(dead.get(2)).containsEntry("source", noField.toString());
        assertThat(dead.get(2).get("reason")).contains("no field 'signal'");
        assertThat(orders()).hasSize(1);
        assertThat(signals.consumer().pending()).isZero();
        assertThat(signals.counters().parked()).isEqualTo(3);
        assertThat(results())
                .extracting(result -> result.get("status"))
                .containsExactly("invalid", "invalid", "invalid", "accepted");
    }

    @Test
    void a_signal_refused_by_a_risk_check_is_answered_with_the_check_and_reason() {
        RedisSignals signals = signals(config, harness.engine);
        EngineHarness.get(harness.engine.setTradingState(EngineHarness.ACCOUNT, TradingState.HALTED, "test", "test"));
        add(SIGNAL);

        signals.consumer().pollOnce();

        assertThat(results()).singleElement().satisfies(result -> {
            assertThat(result).containsEntry("status", "rejected").containsKey("check");
            assertThat(result.get("reason")).isNotBlank();
        });
        assertThat(signals.counters().refused()).isEqualTo(1);
        assertThat(signals.consumer().pending()).isZero();
    }

    @Test
    void a_signal_the_engine_cannot_take_now_stays_pending_and_is_placed_when_offered_again() {
        Unavailable unavailable = new Unavailable(harness.engine);
        RedisSignals signals = signals(config, unavailable);
        add(SIGNAL);

        signals.consumer().pollOnce();
        assertThat(orders()).isEmpty();
        assertThat(results()).isEmpty();
        assertThat(signals.consumer().pending()).isEqualTo(1);

        unavailable.busy = false;
        signals.consumer().pollOnce();
        assertThat(orders()).hasSize(1);
        assertThat(signals.consumer().pending()).isZero();
    }

    @Test
    void a_signal_published_on_the_channel_becomes_an_order() {
        RedisSignals signals = signals(config, harness.engine);
        signals.start();
        Await.until(
                "subscribed to the channel",
                () -> Boolean.TRUE.equals(signals.health().get("channelSubscribed")));

        redis.publish(config.channel().orElseThrow(), SIGNAL);

        Await.until("the channel's signal is placed", () -> orders().size() == 1);
        Await.until("its outcome is published", () -> results().size() == 1);
        assertThat(results().get(0))
                .containsEntry("source", "channel:" + config.channel().orElseThrow());
        assertThat(signals.health()).containsEntry("status", "UP").containsEntry("channelSubscribed", true);
    }

    @Test
    void the_running_consumer_places_signals_and_reports_its_lag() {
        RedisSignals signals = signals(config, harness.engine);
        signals.start();
        add(SIGNAL);

        Await.until("the signal is placed", () -> orders().size() == 1);
        Await.until(
                "the lag is zero", () -> Long.valueOf(0).equals(signals.health().get("lag")));
        assertThat(signals.health())
                .containsEntry("stream", config.stream())
                .containsEntry("consumer", "oms-1")
                .containsEntry("received", 1L)
                .doesNotContainKey("error");
    }

    private RedisSignals signals(RedisSignalConfig signalConfig, OrderEntry entry) {
        RedisSignals signals = new RedisSignals(
                signalConfig, new SignalIntake(entry, parser, Duration.ofSeconds(10)), Clock.systemUTC());
        opened.add(signals);
        signals.ensureGroup();
        return signals;
    }

    private StreamEntryID add(String signal) {
        return redis.xadd(config.stream(), XAddParams.xAddParams(), Map.of("signal", signal));
    }

    private List<Order> orders() {
        return harness.engine.orders(OrderQuery.all(100)).items();
    }

    private List<Map<String, String>> results() {
        return entries(config.resultsStream());
    }

    private List<Map<String, String>> entries(String stream) {
        return redis.xrange(stream, "-", "+").stream()
                .map(StreamEntry::getFields)
                .toList();
    }

    /** Places through the engine, then "kills" the process: its Redis connections close before the acknowledgement. */
    private static final class CrashAfterPlacing extends Delegating {
        RedisSignals dies;

        CrashAfterPlacing(OrderEntry engine) {
            super(engine);
        }

        @Override
        public CompletableFuture<OrderCommandResult> submit(SubmitOrder command) {
            OrderCommandResult result = delegate.submit(command).join();
            dies.close();
            return CompletableFuture.completedFuture(result);
        }
    }

    /** Answers "busy" until told otherwise. */
    private static final class Unavailable extends Delegating {
        volatile boolean busy = true;

        Unavailable(OrderEntry engine) {
            super(engine);
        }

        @Override
        public CompletableFuture<OrderCommandResult> submit(SubmitOrder command) {
            return busy
                    ? CompletableFuture.completedFuture(
                            new OrderCommandResult.Failed(io.openoms.domain.port.in.FailureCode.ENGINE_BUSY, "busy"))
                    : delegate.submit(command);
        }
    }

    private abstract static class Delegating implements OrderEntry {
        final OrderEntry delegate;

        Delegating(OrderEntry delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<OrderCommandResult> modify(ModifyOrder command) {
            return delegate.modify(command);
        }

        @Override
        public CompletableFuture<OrderCommandResult> cancel(CancelOrder command) {
            return delegate.cancel(command);
        }

        @Override
        public CompletableFuture<CancelAllResult> cancelAll(CancelAllOrders command) {
            return delegate.cancelAll(command);
        }
    }
}
