package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import io.openoms.application.killswitch.KillSwitchSignals;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.RateLimitGuard;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kite connection: the one public way in to the session, the order-update stream and the token
 * file, so the composition root only binds it (the app's broker session delegates here). {@link #open} activates the day's token (the configured
 * {@code OMS_KITE_ACCESS_TOKEN}, else the token file written by {@code oms zerodha session}) and starts
 * the order-update stream; {@link #reloadToken} (a schedule) picks up a newer login from the token file
 * while running. The state is {@code CONNECTED} only while Kite's session is authenticated and the
 * stream is up; {@link #details()} reports the login state ({@code AUTHENTICATED}, {@code EXPIRED},
 * {@code RELOGIN_REQUIRED}), the token's expiry and what to do. From {@link #open} on, Kite's refusal
 * of the token is told to the kill switch at once ({@link KillSwitchSignals#sessionLost}), and a new
 * token's activation as the session restored.
 *
 * <p>Thread safety: safe from any thread.
 */
public final class KiteConnection {
    private static final Logger LOG = LoggerFactory.getLogger(KiteConnection.class);

    private final KiteConfig config;
    private final KiteSession session;
    private final KiteTagRegistry tags;
    private final KiteTokenStore tokens;
    private final KiteBrokerGateway gateway;
    private final RateLimitGuard rateLimits;
    private final OkHttpClient http;
    private final KillSwitchSignals killSwitch;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private Optional<KiteAccessGrant> activeGrant = Optional.empty();
    private ScheduledExecutorService scheduler;
    private ExecutorService fetches;
    private KiteOrderStream stream;
    private volatile KiteStreamFills updates;

    /** Whether the connection is open, and if so whether Kite's session is authenticated and its stream up. */
    public enum Status {
        CLOSED,
        CONNECTED,
        DISCONNECTED
    }

    public KiteConnection(
            KiteConfig config,
            KiteSession session,
            KiteTagRegistry tags,
            KiteTokenStore tokens,
            KiteBrokerGateway gateway,
            RateLimitGuard rateLimits,
            OkHttpClient http,
            KillSwitchSignals killSwitch,
            Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.session = requireNonNull(session, "session is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.http = requireNonNull(http, "http is null");
        this.killSwitch = requireNonNull(killSwitch, "killSwitch is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public String name() {
        return KiteBrokerGateway.NAME;
    }

    /** Starts delivering Kite's order updates and trades to {@code core}; once only. */
    public void open(BrokerUpdates core) {
        requireNonNull(core, "core is null");
        synchronized (lifecycle) {
            if (stream != null) {
                throw new IllegalStateException("the Kite session was already opened");
            }
            session.onChange(health -> {
                if (health.state() == KiteSessionState.AUTHENTICATED) {
                    killSwitch.sessionRestored(KiteBrokerGateway.NAME);
                } else {
                    killSwitch.sessionLost(KiteBrokerGateway.NAME, health.detail());
                }
            });
            if (config.accessToken().isEmpty()) {
                reloadToken();
            } else {
                LOG.info("Kite access token from {}", KiteConfig.ENV_ACCESS_TOKEN);
            }
            scheduler = new LoggingScheduler(daemon("oms-kite-stream"));
            fetches = Executors.newSingleThreadExecutor(daemon("oms-kite-trades"));
            updates = new KiteStreamFills(core, gateway, rateLimits, fetches);
            stream = new KiteOrderStream(config, session, tags, updates, http, scheduler, clock);
            stream.start();
            LOG.info("Kite session: {}", session.health().detail());
        }
    }

    /**
     * Where postbacks go: the updates of the open session (the core, with trades fetched for grown
     * fills). The HTTP server starts after the sessions are opened, so a postback never finds it closed;
     * if one did, it fails and Kite's retry or the order monitor brings the update later.
     */
    public BrokerUpdates postbackUpdates() {
        return new BrokerUpdates() {
            @Override
            public void orderUpdated(String broker, io.openoms.domain.port.out.BrokerOrder order) {
                current().orderUpdated(broker, order);
            }

            @Override
            public void tradeReported(String broker, io.openoms.domain.port.out.BrokerTrade trade) {
                current().tradeReported(broker, trade);
            }

            @Override
            public void malformedPayload(String broker, String rawPayload, String problem) {
                current().malformedPayload(broker, rawPayload, problem);
            }

            @Override
            public void streamReconnected(String broker) {
                current().streamReconnected(broker);
            }

            private BrokerUpdates current() {
                KiteStreamFills open = updates;
                if (open == null) {
                    throw new IllegalStateException("the Kite session is not open");
                }
                return open;
            }
        };
    }

    /**
     * Activates the token file's login when it is newer than the one in use (a new {@code oms zerodha
     * session} while running). Never throws: a missing or damaged file is logged.
     */
    public void reloadToken() {
        Optional<KiteAccessGrant> stored;
        try {
            stored = tokens.load();
        } catch (IOException e) {
            LOG.warn("cannot read the Kite token file {}: {}", tokens.file(), e.getMessage());
            return;
        }
        synchronized (lifecycle) {
            if (stored.isEmpty() || stored.equals(activeGrant)) {
                return;
            }
            boolean newer = activeGrant
                    .map(active -> stored.get().loginTime().isAfter(active.loginTime()))
                    .orElse(true);
            if (newer) {
                session.activate(stored.get());
                activeGrant = stored;
                LOG.info(
                        "Kite access token of {} activated from {}",
                        stored.get().userId(),
                        tokens.file());
                if (stream != null) {
                    // A stream waiting for a login re-checks only every streamMaxBackoff: connect with the new token
                    // now.
                    stream.close();
                    stream = new KiteOrderStream(config, session, tags, updates, http, scheduler, clock);
                    stream.start();
                }
            }
        }
    }

    public Status status() {
        KiteOrderStream current;
        synchronized (lifecycle) {
            current = stream;
        }
        if (current == null) {
            return Status.CLOSED;
        }
        return session.state() == KiteSessionState.AUTHENTICATED && current.isConnected()
                ? Status.CONNECTED
                : Status.DISCONNECTED;
    }

    /** The login state, the token's expiry and the stream's state, for {@code /health/ready}. */
    public Map<String, Object> details() {
        KiteSessionHealth health = session.health();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("login", health.state().name());
        details.put("tokenExpiresAt", health.expiresAt().map(Object::toString).orElse(null));
        details.put("detail", health.detail());
        KiteOrderStream current;
        synchronized (lifecycle) {
            current = stream;
        }
        details.put("stream", current != null && current.isConnected() ? "CONNECTED" : "DISCONNECTED");
        return details;
    }

    /** Ends the stream and releases the HTTP client's threads; idempotent. */
    public void close() {
        synchronized (lifecycle) {
            if (stream != null) {
                stream.close();
                stream = null;
            }
            if (fetches != null) {
                fetches.shutdownNow();
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
                try {
                    scheduler.awaitTermination(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A scheduler that logs a task's failure: a plain one keeps it in a future nobody reads. */
    private static final class LoggingScheduler extends java.util.concurrent.ScheduledThreadPoolExecutor {
        LoggingScheduler(java.util.concurrent.ThreadFactory threads) {
            super(1, threads);
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            super.afterExecute(task, failure);
            if (failure == null
                    && task instanceof java.util.concurrent.Future<?> future
                    && future.isDone()
                    && !future.isCancelled()) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                LOG.error("a task of the Kite order stream failed", failure);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
