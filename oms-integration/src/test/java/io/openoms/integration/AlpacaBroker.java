package io.openoms.integration;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.alpaca.AlpacaBrokerGateway;
import io.openoms.adapters.broker.alpaca.AlpacaConfig;
import io.openoms.adapters.broker.alpaca.AlpacaTradeStream;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.simulators.alpaca.AlpacaSimulator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The Alpaca side of a {@link TradingSystem}: the Alpaca simulator over the system's venue, on
 * loopback, and for each incarnation of the system what oms-app's {@code AlpacaBrokerModule} builds:
 * the adapter's config pointed at the simulator (the scenarios' NSE instruments are Alpaca equities
 * under the exchange code {@code NSE}), the gateway, and the {@code trade_updates} stream into the
 * core. A lost reply is held past the adapter's read timeout; venue faults show on the wire as the
 * simulator renders them (HTTP 422, 429, 401; dropped stream connections).
 *
 * <p>{@link #quiet()} tells when every update the simulator streamed has reached the core: the
 * simulator counts the frames it sent to each listening connection, the adapter's stream those it
 * handled on its current one, and the backfills it started after a (re)connect are waited for.
 */
final class AlpacaBroker implements AutoCloseable {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    private static final String KEY_ID = "PKSCENARIO";
    private static final String SECRET = "scenario-secret-key";

    private final AlpacaSimulator simulator;
    private final Clock clock;
    private final RateLimitGuard rateLimits;
    private final OkHttpClient http = new OkHttpClient();

    private AlpacaConfig config;
    private AlpacaBrokerGateway gateway;
    private ScheduledExecutorService streamScheduler;
    private AlpacaTradeStream stream;

    AlpacaBroker(SimulatedVenue venue, List<Instrument> instruments, Clock clock, RateLimitGuard rateLimits) {
        this.clock = requireNonNull(clock, "clock is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.simulator =
                new AlpacaSimulator(venue, instruments, KEY_ID, SECRET, READ_TIMEOUT.multipliedBy(3), true).start();
    }

    AlpacaSimulator simulator() {
        return simulator;
    }

    /** A new incarnation's gateway: config and gateway built afresh (replace chains forgotten), as at an app start. */
    AlpacaBrokerGateway open() {
        config = AlpacaConfig.paper(KEY_ID, SECRET)
                .withUrls(simulator.baseUrl(), simulator.streamUrl())
                .withEquityExchange("NSE")
                .withTimeouts(READ_TIMEOUT, Duration.ZERO)
                .withStreamBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
        gateway = new AlpacaBrokerGateway(config, rateLimits, http, clock);
        return gateway;
    }

    /** Opens the trade stream into {@code core}. */
    void connect(BrokerUpdates core) {
        streamScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alpaca-scenario-stream");
            thread.setDaemon(true);
            return thread;
        });
        stream = new AlpacaTradeStream(config, gateway, core, http, streamScheduler);
        stream.start();
    }

    void disconnect() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (streamScheduler != null) {
            streamScheduler.shutdownNow();
            streamScheduler = null;
        }
    }

    /** Every frame streamed has reached the core and no backfill is under way; connected when the simulator would take it. */
    boolean quiet() {
        AlpacaTradeStream current = stream;
        if (current == null) {
            return true;
        }
        if (current.backfillsInFlight() > 0) {
            return false;
        }
        List<Long> sent = simulator.streamFrames();
        if (current.isConnected()) {
            return sent.size() == 1 && sent.get(0) == current.framesSinceConnected();
        }
        return !acceptsStreams();
    }

    String state() {
        AlpacaTradeStream current = stream;
        return "Alpaca stream " + (current == null ? "closed" : current.isConnected() ? "listening" : "not listening")
                + ", frames handled " + (current == null ? 0 : current.framesSinceConnected())
                + ", frames sent per connection " + simulator.streamFrames() + ", backfills "
                + (current == null ? 0 : current.backfillsInFlight());
    }

    private boolean acceptsStreams() {
        return simulator.venue().streamConnected()
                && !simulator.venue().faults().sessionExpired();
    }

    @Override
    public void close() {
        disconnect();
        simulator.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
