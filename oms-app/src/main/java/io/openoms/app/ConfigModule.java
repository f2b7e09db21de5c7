package io.openoms.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.openoms.app.config.HttpConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.ScheduleConfig;

/** Binds the loaded configuration and the sections other modules read. */
public final class ConfigModule extends AbstractModule {
    private final OmsConfig config;

    public ConfigModule(OmsConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    protected void configure() {
        bind(OmsConfig.class).toInstance(config);
    }

    @Provides
    static HttpConfig http(OmsConfig config) {
        return config.http();
    }

    @Provides
    static ScheduleConfig schedules(OmsConfig config) {
        return config.schedules();
    }
}
