package io.openoms.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.openoms.adapters.signal.redis.RedisSignalConfig;
import io.openoms.adapters.signal.redis.RedisSignals;
import io.openoms.adapters.signal.redis.SignalCounters;
import io.openoms.app.runtime.SignalSource;
import io.openoms.application.intake.SignalIntake;
import java.time.Clock;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Signals from Redis ({@code signals.redis.*}), installed only when {@code signals.redis.url} is set:
 * the stream consumer and channel listener as a {@link SignalSource}, and their meters {@code
 * oms_signals_*} (received, placed, refused, parked, deferred, and the group's lag).
 */
public final class RedisSignalModule extends AbstractModule {
    private final RedisSignalConfig config;

    public RedisSignalModule(RedisSignalConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {}

    @Provides
    @Singleton
    RedisSignals signals(SignalIntake intake, Clock clock) {
        return new RedisSignals(config, intake, clock);
    }

    @ProvidesIntoSet
    @Singleton
    static SignalSource source(RedisSignals signals, MeterRegistry registry) {
        SignalCounters counters = signals.counters();
        counter(registry, "oms.signals.received", counters, SignalCounters::received);
        counter(registry, "oms.signals.placed", counters, SignalCounters::placed);
        counter(registry, "oms.signals.refused", counters, SignalCounters::refused);
        counter(registry, "oms.signals.parked", counters, SignalCounters::parked);
        counter(registry, "oms.signals.deferred", counters, SignalCounters::deferred);
        Gauge.builder("oms.signals.lag", signals, RedisSignals::lag)
                .description("stream entries the consumer group has not read yet (-1: unknown)")
                .register(registry);
        return new SignalSource() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public void start() {
                signals.start();
            }

            @Override
            public Map<String, Object> health() {
                return signals.health();
            }

            @Override
            public void close() {
                signals.close();
            }
        };
    }

    private static void counter(
            MeterRegistry registry, String name, SignalCounters counters, ToDoubleFunction<SignalCounters> count) {
        FunctionCounter.builder(name, counters, count)
                .description("signals from Redis: " + name.substring(name.lastIndexOf('.') + 1))
                .register(registry);
    }
}
