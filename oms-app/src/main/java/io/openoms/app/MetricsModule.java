package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openoms.app.runtime.RuntimeStatus;
import io.openoms.application.engine.TradingEngine;

/**
 * One Prometheus meter registry for the process, with the JVM basics (memory, threads, class
 * loading, CPU, uptime), the runtime's own gauges and the engine's queue depth and broker calls in
 * flight; other modules bind their meters to {@link
 * MeterRegistry}.
 */
public final class MetricsModule extends AbstractModule {
    @Override
    protected void configure() {}

    @Provides
    @Singleton
    static PrometheusMeterRegistry prometheus(RuntimeStatus status, TradingEngine engine) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        registry.gauge("oms_engine_running", status, s -> s.engineRunning() ? 1 : 0);
        registry.gauge("oms_schedule_failures", status, s -> s.loops().stream()
                .mapToLong(loop -> loop.failures())
                .sum());
        registry.gauge("oms_engine_queue_depth", engine, TradingEngine::queueDepth);
        registry.gauge("oms_engine_broker_calls_in_flight", engine, TradingEngine::brokerCallsInFlight);
        return registry;
    }

    @Provides
    static MeterRegistry registry(PrometheusMeterRegistry registry) {
        return registry;
    }
}
