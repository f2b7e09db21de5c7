package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Price;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Kite Connect v3 look-alike on loopback over a {@link SimulatedVenue}: the REST API at
 * {@link #baseUrl()} (form-encoded requests, {@code {"status":…}} envelopes, Kite's error types and
 * HTTP statuses, IST timestamps, the intermediate order statuses) and the order-update WebSocket at
 * {@link #streamUrl()} ({@code {"type":"order"}} text frames, a 1-byte binary heartbeat; no binary
 * ticks). Written from the Kite reference, not from any client, so a client and it check each other.
 *
 * <p>Time: the venue moves only when told, through {@link #step}, {@link #advanceTo} and
 * {@link #setPrice} here (or a {@link KiteSimulatorTicker}); calls made directly on the venue are
 * seen too, through its update stream. Faults: {@link #faults()}.
 *
 * <p>The simulator takes over the venue's update stream ({@link SimulatedVenue#attach}): do not attach
 * anything else to the venue. Thread safety: safe from any thread. Lifecycle: {@link #start()} once,
 * {@link #close()} once.
 */
public final class KiteSimulator implements AutoCloseable {
    private static final byte[] HEARTBEAT = {0};

    private final KiteSimulatorConfig config;
    private final SimulatedVenue venue;
    private final KiteSessions sessions;
    private final KiteFaults faults;
    private final KiteBook book;
    private final KiteHttpApi api;
    private final KiteStreamServer stream;
    private ScheduledExecutorService heartbeat;

    /** A simulator over {@code venue}; {@code instruments} must be the ones listed at the venue, in a fixed order. */
    public KiteSimulator(KiteSimulatorConfig config, SimulatedVenue venue, Collection<Instrument> instruments) {
        this.config = requireNonNull(config, "config is null");
        this.venue = requireNonNull(venue, "venue is null");
        List<Instrument> listed = List.copyOf(requireNonNull(instruments, "instruments is null"));
        for (Instrument instrument : listed) {
            if (venue.lastPrice(instrument.id()).isEmpty()) {
                throw new IllegalArgumentException(instrument.id() + " is not listed at venue " + venue.name());
            }
        }
        this.sessions = new KiteSessions(config, venue.faults());
        this.stream = new KiteStreamServer(config.streamPort(), sessions::isValid, this::refusesStreams);
        this.faults = new KiteFaults(venue.faults(), this::expireSession, stream::dropAll);
        this.book =
                new KiteBook(config, venue, new KiteInstruments(listed), faults, stream::sendText, this::expireSession);
        this.api = new KiteHttpApi(config, book, sessions, faults, venue);
    }

    /** Binds the REST API and the stream, and starts the heartbeat if one is configured. */
    public synchronized KiteSimulator start() {
        try {
            api.start();
            stream.start();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("the Kite simulator could not bind its ports", e);
        }
        venue.attach(book);
        if (!config.heartbeatInterval().isZero()) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "kitesim-heartbeat");
                thread.setDaemon(true);
                return thread;
            });
            long millis = config.heartbeatInterval().toMillis();
            heartbeat.scheduleAtFixedRate(this::sendHeartbeat, millis, millis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stops the heartbeat, releases held replies, closes the stream connections and both ports. */
    @Override
    public synchronized void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        api.stop();
        stream.stop();
    }

    public KiteSimulatorConfig config() {
        return config;
    }

    public SimulatedVenue venue() {
        return venue;
    }

    public KiteFaults faults() {
        return faults;
    }

    public int port() {
        return api.port();
    }

    public int streamPort() {
        return stream.port();
    }

    /** The REST root, e.g. {@code http://127.0.0.1:53211}; paths as Kite's ({@code /orders/regular}). */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The stream's root, e.g. {@code ws://127.0.0.1:53212/}; append {@code ?api_key=…&access_token=…}. */
    public URI streamUrl() {
        return URI.create("ws://127.0.0.1:" + streamPort() + "/");
    }

    /** The access token valid now (the configured one until a new login). */
    public String accessToken() {
        return sessions.currentToken();
    }

    /**
     * A fresh single-use request token, as Kite's login redirect hands one over after the user
     * logged in; exchange it at {@code POST /session/token}.
     */
    public String issueRequestToken() {
        return sessions.issueRequestToken();
    }

    /** Open stream connections. */
    public int streamConnections() {
        return stream.connections();
    }

    /**
     * Text frames (order updates and the like) handed to each open stream connection so far, oldest
     * connection first. A connection counts as open from before its handshake is answered, so a client
     * that saw its connection open and received as many frames as this says has every one sent.
     */
    public List<Long> streamTextFrames() {
        return stream.textFramesPerConnection();
    }

    /** Sends the 1-byte binary heartbeat to every open stream connection. */
    public void sendHeartbeat() {
        stream.sendBinary(HEARTBEAT);
    }

    /** One venue step at {@code time}: prices move, orders match, TTLs expire; updates are streamed. */
    public void step(Instant time) {
        book.run(() -> venue.step(time));
        dropStreamsIfVenueDisconnected();
    }

    /** Moves venue time to {@code time}: due acknowledgements go out, TTLs expire. */
    public void advanceTo(Instant time) {
        book.run(() -> venue.advanceTo(time));
    }

    /** Sets one price and matches that instrument's orders. */
    public void setPrice(InstrumentId instrument, Price price) {
        book.run(() -> venue.setPrice(instrument, price));
    }

    /** The market opens for after-market orders: each waiting one goes to the venue, in placement order. */
    public void releaseAfterMarketOrders() {
        book.releaseAfterMarketOrders();
    }

    private void expireSession() {
        sessions.expire();
        stream.dropAll();
    }

    private boolean refusesStreams() {
        return faults.refusesStreams() || !venue.streamConnected();
    }

    private void dropStreamsIfVenueDisconnected() {
        if (!venue.streamConnected()) {
            stream.dropAll();
        }
    }
}
