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
import io.openoms.app.metrics.OmsMeters;
import io.openoms.app.runtime.RuntimeStatus;

/**
 * One Prometheus meter registry for the process, with the JVM basics (memory, threads, class
 * loading, CPU, uptime) and the runtime's own gauges, and {@link OmsMeters}, with which {@code
 * EngineModule} measures the ports it wires (orders, risk checks, brokers, rate limits, journal,
 * published events). The registry depends on nothing of the engine, so measuring the engine's ports
 * makes no cycle.
 */
public final class MetricsModule extends AbstractModule {
    @Override
    protected void configure() {}

    @Provides
    @Singleton
    static PrometheusMeterRegistry prometheus(RuntimeStatus status) {
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
        return registry;
    }

    @Provides
    static MeterRegistry registry(PrometheusMeterRegistry registry) {
        return registry;
    }

    @Provides
    @Singleton
    static OmsMeters meters(MeterRegistry registry) {
        return new OmsMeters(registry);
    }
}
