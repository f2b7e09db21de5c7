package io.openoms.integration;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.broker.zerodha.KiteBrokerGateway;
import io.openoms.adapters.broker.zerodha.KiteConfig;
import io.openoms.adapters.broker.zerodha.KiteOrderStream;
import io.openoms.adapters.broker.zerodha.KiteSession;
import io.openoms.adapters.broker.zerodha.KiteSessionState;
import io.openoms.adapters.broker.zerodha.KiteStreamFills;
import io.openoms.adapters.broker.zerodha.KiteTagRegistry;
import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.application.testing.Await;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.RateLimitGuard;
import io.openoms.simulators.kite.KiteSimulator;
import io.openoms.simulators.kite.KiteSimulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * The Kite side of a {@link TradingSystem}: the Kite simulator over the system's venue, on loopback,
 * and for each incarnation of the system what oms-app's {@code ZerodhaBrokerModule} and the adapter's
 * {@code KiteConnection} build (by hand here, to count what the stream handled): the adapter's config pointed at the simulator, the session, the tag
 * registry in a file (so it survives a restart), the gateway, and the order stream feeding the core
 * through {@link KiteStreamFills} (trades fetched for grown fills), with the session's refusal told
 * to the kill switch.
 *
 * <p>As the real Kite, the simulator streams no update for a mere placement; it sends no heartbeat,
 * so the stream's idle timeout is a day of the scenario clock. A lost reply is held past the
 * adapter's read timeout, or cut off, as each fault asks ({@link BrokerFaults}).
 *
 * <p>{@link #quiet()} tells when every update the simulator streamed has reached the core: the
 * simulator counts the text frames handed to each open connection, the adapter's stream those it
 * handled on its current connection, and the trade fetches they started are counted here.
 */
final class KiteBroker implements AutoCloseable {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private final KiteSimulator simulator;
    private final Clock clock;
    private final RateLimitGuard rateLimits;
    private final OkHttpClient http;
    private final AtomicLong requests = new AtomicLong();
    private final Path tagDirectory;
    private final AtomicInteger fetchesInFlight = new AtomicInteger();

    private KiteConfig config;
    private KiteSession session;
    private KiteTagRegistry tags;
    private KiteBrokerGateway gateway;
    private ScheduledExecutorService streamScheduler;
    private ThreadPoolExecutor fetches;
    private KiteOrderStream stream;

    KiteBroker(SimulatedVenue venue, List<Instrument> instruments, Clock clock, RateLimitGuard rateLimits) {
        this.clock = requireNonNull(clock, "clock is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        KiteSimulatorConfig simulatorConfig = KiteSimulatorConfig.builder()
                .heartbeatInterval(Duration.ZERO)
                .streamPlacementAcknowledgements(false)
                .replyHold(READ_TIMEOUT.multipliedBy(3))
                .build();
        try {
            this.tagDirectory = Files.createTempDirectory("oms-kite-scenario");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.simulator = new KiteSimulator(simulatorConfig, venue, instruments).start();
        int restPort = simulator.port();
        this.http = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    if (chain.request().url().port() == restPort) {
                        requests.incrementAndGet();
                    }
                    return chain.proceed(chain.request());
                })
                .build();
    }

    KiteSimulator simulator() {
        return simulator;
    }

    KiteSession session() {
        return session;
    }

    /** REST requests sent to the simulator so far (the stream's handshakes not counted). */
    long requests() {
        return requests.get();
    }

    /** A new incarnation's gateway: config, session and tag registry built afresh, as at an app start. */
    KiteBrokerGateway open() {
        KiteSimulatorConfig simulatorConfig = simulator.config();
        config = KiteConfig.builder(simulatorConfig.apiKey())
                .apiSecret(simulatorConfig.apiSecret())
                .accessToken(simulator.accessToken())
                .apiUrl(simulator.baseUrl())
                .wsUrl(simulator.streamUrl())
                .readTimeout(READ_TIMEOUT)
                .streamInitialBackoff(Duration.ofMillis(20))
                .streamMaxBackoff(Duration.ofMillis(200))
                .streamIdleTimeout(Duration.ofDays(1))
                .build();
        session = new KiteSession(config, http, clock);
        try {
            tags = KiteTagRegistry.persistent(tagDirectory.resolve("tags"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gateway = new KiteBrokerGateway(config, session, tags, rateLimits, http, clock);
        return gateway;
    }

    /** Opens the order stream into {@code core} and tells {@code killSwitch} of the session's changes. */
    void connect(BrokerUpdates core, KillSwitchSignals killSwitch) {
        session.onChange(health -> {
            if (health.state() == KiteSessionState.AUTHENTICATED) {
                killSwitch.sessionRestored(KiteBrokerGateway.NAME);
            } else {
                killSwitch.sessionLost(KiteBrokerGateway.NAME, health.detail());
            }
        });
        streamScheduler = Executors.newSingleThreadScheduledExecutor(daemon("kite-scenario-stream"));
        fetches = new CountingExecutor(fetchesInFlight, daemon("kite-scenario-trades"));
        KiteStreamFills updates = new KiteStreamFills(core, gateway, rateLimits, fetches);
        stream = new KiteOrderStream(config, session, tags, updates, http, streamScheduler, clock);
        stream.start();
    }

    /** Closes the order stream and waits for the trade fetches it started. */
    void disconnect() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
        if (fetches != null) {
            fetches.shutdown();
            try {
                if (!fetches.awaitTermination(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("the Kite trade fetches did not end within " + Await.DEADLINE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            fetches = null;
        }
        if (streamScheduler != null) {
            streamScheduler.shutdownNow();
            streamScheduler = null;
        }
    }

    /**
     * Every update the simulator streamed has reached the core, with the trades it made us fetch; and
     * when the simulator would take a stream connection, ours is up (after a drop, the reconnect and
     * the re-read of the day's orders it starts come before quiet).
     */
    boolean quiet() {
        if (fetchesInFlight.get() > 0) {
            return false;
        }
        KiteOrderStream current = stream;
        if (current == null) {
            return true;
        }
        List<Long> sent = simulator.streamTextFrames();
        if (current.isConnected()) {
            return sent.size() == 1 && sent.get(0) == current.framesSinceConnected();
        }
        return !acceptsStreams();
    }

    /** Whether quiet: a description for a timeout. */
    String state() {
        KiteOrderStream current = stream;
        return "Kite stream " + (current == null ? "closed" : current.isConnected() ? "connected" : "disconnected")
                + ", frames received " + (current == null ? 0 : current.framesSinceConnected())
                + ", frames sent per connection " + simulator.streamTextFrames() + ", trade fetches "
                + fetchesInFlight.get() + ", session " + (session == null ? "none" : session.state());
    }

    private boolean acceptsStreams() {
        return simulator.venue().streamConnected()
                && !simulator.venue().faults().sessionExpired()
                && session.state() == KiteSessionState.AUTHENTICATED;
    }

    @Override
    public void close() {
        disconnect();
        simulator.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try (Stream<Path> files = Files.walk(tagDirectory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One thread; counts the tasks handed to it until each has run. */
    private static final class CountingExecutor extends ThreadPoolExecutor {
        private final AtomicInteger inFlight;

        CountingExecutor(AtomicInteger inFlight, ThreadFactory threads) {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
            this.inFlight = inFlight;
        }

        @Override
        public void execute(Runnable task) {
            inFlight.incrementAndGet();
            try {
                super.execute(task);
            } catch (RejectedExecutionException e) {
                inFlight.decrementAndGet();
                throw e;
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            super.afterExecute(task, failure);
            inFlight.decrementAndGet();
        }
    }
}
