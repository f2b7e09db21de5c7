package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.broker.mock.VenueTicker;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.ScheduleConfig;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.MarketData;
import java.time.Clock;

/**
 * The simulated venue (paper trading): the venue, listing the configured instruments at their
 * opening prices, is the market data; its gateway is the broker, without rate limits; a schedule
 * steps it at {@code schedules.venue-tick}.
 */
public final class MockBrokerModule extends AbstractModule {
    @Override
    protected void configure() {}

    @Provides
    @Singleton
    static SimulatedVenue venue(OmsConfig config, Clock clock) {
        return new SimulatedVenue(
                config.broker().mockVenue(config.instruments()), config.instrumentDefinitions(), clock.instant());
    }

    @Provides
    static MarketData marketData(SimulatedVenue venue) {
        return venue;
    }

    @Provides
    @Singleton
    static MockBrokerGateway gateway(SimulatedVenue venue) {
        return new MockBrokerGateway(venue);
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerGateway broker(MockBrokerGateway gateway) {
        return gateway;
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerLimits limits(SimulatedVenue venue) {
        return new BrokerLimits(venue.name(), BrokerRateLimits.unlimited());
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerSession session(SimulatedVenue venue) {
        return new MockBrokerSession(venue);
    }

    @ProvidesIntoSet
    @Singleton
    static ScheduledTask venueTick(SimulatedVenue venue, Clock clock, ScheduleConfig schedules) {
        VenueTicker ticker = new VenueTicker(venue, clock);
        return ScheduledTask.every("venue-tick", schedules.venueTick(), ticker::tick);
    }
}
