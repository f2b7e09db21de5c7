package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.OmsRuntime;
import io.openoms.app.runtime.ReferenceData;
import io.openoms.app.runtime.RuntimeStatus;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.app.runtime.SignalSource;

/**
 * The lifecycle: the schedule registry (a set of {@link ScheduledTask}s every module may add to), the
 * broker sessions, the reference data written at start-up, and {@link OmsRuntime}, which starts and
 * stops everything in order. Nothing starts here: {@code Main} calls {@link OmsRuntime#start()}.
 */
public final class RuntimeModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), ScheduledTask.class);
        Multibinder.newSetBinder(binder(), BrokerSession.class);
        Multibinder.newSetBinder(binder(), SignalSource.class);
        bind(OmsRuntime.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    static RuntimeStatus status() {
        return new RuntimeStatus();
    }

    @Provides
    @Singleton
    static ReferenceData referenceData(OmsConfig config) {
        return new ReferenceData(
                config.instrumentDefinitions(),
                config.accountSettings().keySet(),
                config.risk().defaults().toRiskLimits());
    }
}
