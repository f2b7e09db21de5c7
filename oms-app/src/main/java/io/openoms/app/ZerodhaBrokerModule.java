package io.openoms.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.openoms.adapters.broker.zerodha.KiteBrokerGateway;
import io.openoms.adapters.broker.zerodha.KiteConfig;
import io.openoms.adapters.broker.zerodha.KiteConnection;
import io.openoms.adapters.broker.zerodha.KiteInstrumentMaster;
import io.openoms.adapters.broker.zerodha.KiteInstrumentsLoader;
import io.openoms.adapters.broker.zerodha.KiteMarketData;
import io.openoms.adapters.broker.zerodha.KitePostbackReceiver;
import io.openoms.adapters.broker.zerodha.KiteSession;
import io.openoms.adapters.broker.zerodha.KiteTagRegistry;
import io.openoms.adapters.broker.zerodha.KiteTokenStore;
import io.openoms.app.config.ConfigException;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.ZerodhaConfig;
import io.openoms.app.http.HttpRoutes;
import io.openoms.app.http.ZerodhaPostbackRoutes;
import io.openoms.app.runtime.BrokerSession;
import io.openoms.app.runtime.ScheduledTask;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.InstrumentStore;
import io.openoms.domain.port.out.MarketData;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.domain.position.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zerodha through Kite Connect: one shared OkHttp client; Kite's rate limits for the guard under
 * {@code zerodha}; the tag registry in {@code <data dir>/kite/tags}; the day's token from {@code
 * OMS_KITE_ACCESS_TOKEN} or the token file ({@code <data dir>/kite/access-token}); the gateway; the order
 * stream as the broker session; last prices as the market data, refreshed every {@code
 * broker.zerodha.price-refresh}; the instruments file loaded at start-up and daily (unless {@code
 * broker.zerodha.load-instruments} is off); and the postback endpoint. The accounts are bound to
 * {@code zerodha} by the configuration ({@code OmsConfig#routing}).
 */
public final class ZerodhaBrokerModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(ZerodhaBrokerModule.class);
    static final Duration INSTRUMENTS_REFRESH = Duration.ofHours(24);

    private final ZerodhaConfig zerodha;

    public ZerodhaBrokerModule(ZerodhaConfig zerodha) {
        this.zerodha = java.util.Objects.requireNonNull(zerodha, "zerodha is null");
    }

    @Override
    protected void configure() {
        if (zerodha.loadInstruments()) {
            install(new InstrumentsModule());
        }
    }

    /** Kite's instruments file, loaded when {@code broker.zerodha.load-instruments} is on (the default). */
    private static final class InstrumentsModule extends AbstractModule {
        /** The instruments file into the instrument store: at start-up, then daily; off with {@code load-instruments: false}. */
        @ProvidesIntoSet
        @Singleton
        static ScheduledTask instruments(
                KiteConfig kite, KiteSession session, OkHttpClient http, InstrumentStore store) {
            KiteInstrumentsLoader loader = new KiteInstrumentsLoader(kite, session, http);
            return ScheduledTask.every("kite-instruments", INSTRUMENTS_REFRESH, () -> {
                        BrokerResult<KiteInstrumentMaster> fetched = loader.fetch();
                        if (!(fetched instanceof BrokerResult.Success<KiteInstrumentMaster> master)) {
                            throw new IllegalStateException("Kite's instruments file could not be loaded: " + fetched);
                        }
                        store.saveAll(master.value().all());
                        LOG.info(
                                "Kite instruments loaded: {} (skipped {})",
                                master.value().instruments().size(),
                                master.value().skipped());
                    })
                    .alsoAtStartup();
        }
    }

    /** The adapter's settings from {@code broker.zerodha}; a bad value stops start-up naming its key. */
    public static KiteConfig kiteConfig(ZerodhaConfig zerodha) {
        if (!zerodha.apiKey().isSet()) {
            throw new ConfigException("broker.zerodha.api-key (OMS_KITE_API_KEY): is required when broker.type is"
                    + " zerodha (the Kite Connect app's api key)");
        }
        try {
            KiteConfig.Builder builder = KiteConfig.builder(
                            zerodha.apiKey().reveal().strip())
                    .apiUrl(URI.create(zerodha.apiUrl()))
                    .wsUrl(URI.create(zerodha.wsUrl()))
                    .readTimeout(zerodha.readTimeout())
                    .writeTimeout(zerodha.readTimeout());
            if (zerodha.apiSecret().isSet()) {
                builder.apiSecret(zerodha.apiSecret().reveal());
            }
            if (zerodha.accessToken().isSet()) {
                builder.accessToken(zerodha.accessToken().reveal());
            }
            return builder.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("broker.zerodha: " + e.getMessage(), e);
        }
    }

    @Provides
    @Singleton
    static KiteConfig kiteConfig(OmsConfig config) {
        return kiteConfig(config.broker().zerodha());
    }

    /** One client, so every Kite call shares its connection pool and dispatcher; each user derives its settings. */
    @Provides
    @Singleton
    static OkHttpClient http() {
        return new OkHttpClient.Builder().build();
    }

    @Provides
    @Singleton
    static KiteSession session(KiteConfig config, OkHttpClient http, Clock clock) {
        return new KiteSession(config, http, clock);
    }

    @Provides
    @Singleton
    static KiteTokenStore tokenStore(OmsConfig config) {
        return new KiteTokenStore(config.dataDirectory());
    }

    /** The tag file is read when the graph is built: the gateway must know every tag before its first call. */
    @Provides
    @Singleton
    static KiteTagRegistry tags(OmsConfig config) {
        Path file = tagFile(config.dataDirectory());
        try {
            return KiteTagRegistry.persistent(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kite tag file " + file + " (data-dir, OMS_DATA_DIR)", e);
        }
    }

    static Path tagFile(Path dataDirectory) {
        return dataDirectory.resolve("kite").resolve("tags");
    }

    @Provides
    @Singleton
    static KiteBrokerGateway gateway(
            KiteConfig config,
            KiteSession session,
            KiteTagRegistry tags,
            RateLimitGuard rateLimits,
            OkHttpClient http,
            Clock clock) {
        return new KiteBrokerGateway(config, session, tags, rateLimits, http, clock);
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerGateway broker(KiteBrokerGateway gateway) {
        return gateway;
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerLimits limits(KiteConfig config) {
        return new BrokerLimits(KiteBrokerGateway.NAME, config.rateLimits());
    }

    @Provides
    @Singleton
    static KiteMarketData kiteMarketData(
            KiteConfig config, KiteSession session, RateLimitGuard rateLimits, OkHttpClient http, Clock clock) {
        return new KiteMarketData(config, session, rateLimits, http, clock);
    }

    @Provides
    static MarketData marketData(KiteMarketData marketData) {
        return marketData;
    }

    @Provides
    @Singleton
    static KiteConnection connection(
            KiteConfig config,
            KiteSession session,
            KiteTagRegistry tags,
            KiteTokenStore tokens,
            KiteBrokerGateway gateway,
            RateLimitGuard rateLimits,
            OkHttpClient http,
            KillSwitchSignals killSwitch,
            Clock clock) {
        return new KiteConnection(config, session, tags, tokens, gateway, rateLimits, http, killSwitch, clock);
    }

    @Provides
    @Singleton
    static ZerodhaBrokerSession zerodhaSession(KiteConnection connection) {
        return new ZerodhaBrokerSession(connection);
    }

    @ProvidesIntoSet
    @Singleton
    static BrokerSession brokerSession(ZerodhaBrokerSession session) {
        return session;
    }

    /** A newer login written by {@code oms zerodha session} while the app runs is picked up here. */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask tokenCheck(ZerodhaBrokerSession session, OmsConfig config) {
        return ScheduledTask.every("kite-token", config.broker().zerodha().tokenCheck(), session::reloadToken);
    }

    /**
     * Last prices of the configured instruments and of every open position's, one quotes permit per
     * 1,000 instruments; a refresh that finds no permit is skipped (the interval is at least Kite's 1/s).
     */
    @ProvidesIntoSet
    @Singleton
    static ScheduledTask priceRefresh(KiteMarketData marketData, EngineControl engine, OmsConfig config) {
        Set<InstrumentId> configured = new LinkedHashSet<>();
        config.instruments().forEach(instrument -> configured.add(instrument.instrumentId()));
        return ScheduledTask.every("kite-prices", config.broker().zerodha().priceRefresh(), () -> {
            Set<InstrumentId> instruments = new LinkedHashSet<>(configured);
            for (Position position : engine.positions(false)) {
                instruments.add(position.key().instrument());
            }
            if (instruments.isEmpty()) {
                return;
            }
            BrokerResult<Integer> refreshed = marketData.refresh(instruments);
            if (!(refreshed instanceof BrokerResult.Success<Integer>)
                    && !(refreshed instanceof BrokerResult.RateLimited<Integer>)) {
                LOG.debug("Kite price refresh: {}", refreshed);
            }
        });
    }

    @ProvidesIntoSet
    @Singleton
    static HttpRoutes postbacks(KiteConfig config, KiteTagRegistry tags, KiteConnection connection, Clock clock) {
        Optional<KitePostbackReceiver> receiver = config.apiSecret().isPresent()
                ? Optional.of(new KitePostbackReceiver(config, tags, connection.postbackUpdates(), clock))
                : Optional.empty();
        return new ZerodhaPostbackRoutes(receiver);
    }
}
