package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.openoms.adapters.broker.mock.ManualVenueGateway;
import io.openoms.app.config.InstrumentConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.BrokerSessionState;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.in.OrderQueries;
import io.openoms.domain.port.in.PositionQueries;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.value.Price;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manual venue ({@code broker.type: manual}): orders are recorded and wait for fills entered
 * through {@code POST /api/v1/orders/{id}/fills}. Its reference prices for the risk checks are the
 * instruments' configured {@code price}. It reads the core's queries lazily, through providers, since
 * the core is built with its venues.
 */
public final class ManualBrokerModule extends AbstractModule {
    @Override
    protected void configure() {}

    @Provides
    @Singleton
    static ManualVenueGateway venue(
            OmsConfig config, Provider<OrderQueries> orders, Provider<PositionQueries> positions, Clock clock) {
        Map<InstrumentId, Price> prices = new LinkedHashMap<>();
        for (InstrumentConfig instrument : config.instruments()) {
            instrument.openingPrice().ifPresent(price -> prices.put(instrument.instrumentId(), price));
        }
        return new ManualVenueGateway(orders::get, positions::get, prices, clock);
    }

    @Provides
    static MarketData marketData(ManualVenueGateway venue) {
        return venue;
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerGateway broker(ManualVenueGateway venue) {
        return venue;
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerLimits limits() {
        return new BrokerLimits(ManualVenueGateway.NAME, BrokerRateLimits.unlimited());
    }

    /** Nothing to connect to: the session is up from the moment it opens. */
    @ProvidesIntoSet
    @Singleton
    static BrokerSession session() {
        return new BrokerSession() {
            private volatile boolean open;

            @Override
            public String name() {
                return ManualVenueGateway.NAME;
            }

            @Override
            public void open(BrokerUpdates updates) {
                open = true;
            }

            @Override
            public BrokerSessionState state() {
                return open ? BrokerSessionState.CONNECTED : BrokerSessionState.CLOSED;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
