package io.openoms.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.openoms.adapters.broker.alpaca.AlpacaBrokerGateway;
import io.openoms.adapters.broker.alpaca.AlpacaConfig;
import io.openoms.adapters.broker.alpaca.AlpacaInstrumentsLoader;
import io.openoms.adapters.broker.alpaca.AlpacaLastPrices;
import io.openoms.app.config.AlpacaBrokerConfig;
import io.openoms.app.config.ConfigException;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.RateLimitGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca through the Trading API v2: one shared OkHttp client; Alpaca's 200 requests/minute for the
 * guard under {@code alpaca}; the gateway; the {@code trade_updates} stream as the broker session; the
 * last prices (fills and held positions) as the market data, refreshed every {@code
 * broker.alpaca.price-refresh}; the assets loaded as instruments at start-up and daily (unless {@code
 * broker.alpaca.load-instruments} is off). The accounts are bound to {@code alpaca} by the configuration.
 */
public final class AlpacaBrokerModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBrokerModule.class);
    static final Duration INSTRUMENTS_REFRESH = Duration.ofHours(24);

    private final AlpacaBrokerConfig alpaca;

    public AlpacaBrokerModule(AlpacaBrokerConfig alpaca) {
        this.alpaca = requireNonNull(alpaca, "alpaca is null");
    }

    @Override
    protected void configure() {
        if (alpaca.loadInstruments()) {
            install(new InstrumentsModule());
        }
    }

    /** Alpaca's assets as instruments, loaded when {@code broker.alpaca.load-instruments} is on (the default). */
    private static final class InstrumentsModule extends AbstractModule {
        @ProvidesIntoSet
        @Singleton
        static ScheduledTask instruments(
                AlpacaConfig config, RateLimitGuard rateLimits, OkHttpClient http, InstrumentStore store, Clock clock) {
            AlpacaInstrumentsLoader loader = new AlpacaInstrumentsLoader(config, rateLimits, http, clock);
            return ScheduledTask.every("alpaca-assets", INSTRUMENTS_REFRESH, () -> {
                        BrokerResult<List<Instrument>> loaded = loader.load();
                        if (!(loaded instanceof BrokerResult.Success<List<Instrument>> instruments)) {
                            throw new IllegalStateException("Alpaca's assets could not be loaded: " + loaded);
                        }
                        store.saveAll(instruments.value());
                        LOG.info(
                                "Alpaca instruments loaded: {}",
                                instruments.value().size());
                    })
                    .alsoAtStartup();
        }
    }

    /** The adapter's settings from {@code broker.alpaca}; a missing key or a bad value stops start-up naming it. */
    public static AlpacaConfig alpacaConfig(AlpacaBrokerConfig alpaca) {
        if (!alpaca.keyId().isSet() || !alpaca.secretKey().isSet()) {
            throw new ConfigException("broker.alpaca.key-id and broker.alpaca.secret-key (OMS_ALPACA_KEY_ID,"
                    + " OMS_ALPACA_SECRET_KEY): are required when broker.type is alpaca (the API key pair of the"
                    + " paper or live account)");
        }
        try {
            AlpacaConfig defaults = AlpacaConfig.paper(
                    alpaca.keyId().reveal().strip(), alpaca.secretKey().reveal().strip());
            return defaults.withUrls(URI.create(alpaca.apiUrl()), URI.create(alpaca.streamUrl()))
                    .withEquityExchange(alpaca.equityExchange())
                    .withTimeouts(alpaca.readTimeout(), alpaca.readTimeout().plus(defaults.connectTimeout()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("broker.alpaca: " + e.getMessage(), e);
        }
    }

    @Provides
    @Singleton
    static AlpacaConfig alpacaConfig(OmsConfig config) {
        return alpacaConfig(config.broker().alpaca());
    }

    /** One client, so every Alpaca call shares its connection pool and dispatcher; each user derives its settings. */
    @Provides
    @Singleton
    static OkHttpClient http() {
        return new OkHttpClient.Builder().build();
    }

    @Provides
    @Singleton
    static AlpacaBrokerGateway gateway(AlpacaConfig config, RateLimitGuard rateLimits, OkHttpClient http, Clock clock) {
        return new AlpacaBrokerGateway(config, rateLimits, http, clock);
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerGateway broker(AlpacaBrokerGateway gateway) {
        return gateway;
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerLimits limits(AlpacaConfig config) {
        return new BrokerLimits(AlpacaBrokerGateway.NAME, config.rateLimits());
    }

    @Provides
    @Singleton
    static AlpacaLastPrices lastPrices(AlpacaBrokerGateway gateway) {
        return new AlpacaLastPrices(gateway);
    }

    @Provides
    static MarketData marketData(AlpacaLastPrices prices) {
        return prices;
    }

    @Provides
    @Singleton
    static AlpacaBrokerSession alpacaSession(
            AlpacaConfig config, AlpacaBrokerGateway gateway, AlpacaLastPrices prices, OkHttpClient http) {
        return new AlpacaBrokerSession(config, gateway, prices, http);
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerSession brokerSession(AlpacaBrokerSession session) {
        return session;
    }

    @ProvidesIntoSet
    @Singleton
    static ScheduledTask priceRefresh(AlpacaLastPrices prices, OmsConfig config) {
        return ScheduledTask.every("alpaca-prices", config.broker().alpaca().priceRefresh(), () -> {
            BrokerResult<Integer> refreshed = prices.refresh();
            if (!(refreshed instanceof BrokerResult.Success<Integer>)) {
                LOG.debug("Alpaca price refresh: {}", refreshed);
            }
        });
    }
}
