package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.openoms.app.config.AccountConfig;
import io.openoms.app.config.InstrumentConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.application.intake.SignalIntake;
import io.openoms.application.intake.SignalParser;
import io.openoms.domain.port.in.OrderEntry;
import java.time.Duration;

/**
 * What every way in for signals shares: the {@link SignalParser} (the configured accounts and
 * instruments) and the {@link SignalIntake}, which submits through {@link OrderEntry} and waits for the
 * durable answer.
 */
public final class SignalModule extends AbstractModule {
    /** How long a signal waits for the engine's durable answer before it is offered again. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @Override
    protected void configure() {}

    @Provides
    @Singleton
    static SignalParser parser(OmsConfig config) {
        return new SignalParser(
                config.accounts().stream().map(AccountConfig::accountId).toList(),
                config.instruments().stream()
                        .map(InstrumentConfig::instrumentId)
                        .toList());
    }

    @Provides
    @Singleton
    static SignalIntake intake(OrderEntry entry, SignalParser parser) {
        return new SignalIntake(entry, parser, ANSWER_TIMEOUT);
    }
}
