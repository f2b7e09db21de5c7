package io.openoms.app.runtime;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.app.runtime.RuntimeStatus.Phase;
import io.openoms.application.engine.EngineControl;
import io.openoms.application.events.EventBus;
import io.openoms.domain.port.in.BrokerUpdates;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the application in order. The database was opened (and migrated, unless {@code
 * database.migrate-on-start} is off) when the object graph was built; {@link #start()} then writes the
 * configured reference data, starts the engine (which recovers open orders, positions, limits and
 * trading states from the store), opens the broker sessions, runs the tasks marked for start-up once,
 * starts the schedules, starts the signal sources (Redis), and starts the HTTP server last, so nothing is served before recovery.
 * {@link #stop()} goes the other way: stop accepting requests and signals, stop the schedules, drain the engine,
 * close the event bus, flush and close the journal and the database, close the broker sessions.
 */
public final class OmsRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(OmsRuntime.class);
    private static final long LOOP_STOP_TIMEOUT_MILLIS = 5_000;

    private final Persistence persistence;
    private final ReferenceData referenceData;
    private final EngineControl engine;
    private final BrokerUpdates brokerUpdates;
    private final EventBus eventBus;
    private final Set<BrokerSession> brokerSessions;
    private final Set<ScheduledTask> tasks;
    private final Set<SignalSource> signalSources;
    private final HttpService http;
    private final RuntimeStatus status;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private List<ScheduledLoop> loops = List.of();
    private boolean httpStarted;
    private boolean signalsStarted;
    private boolean sessionsOpened;

    @Inject
    public OmsRuntime(
            Persistence persistence,
            ReferenceData referenceData,
            EngineControl engine,
            BrokerUpdates brokerUpdates,
            EventBus eventBus,
            Set<BrokerSession> brokerSessions,
            Set<ScheduledTask> tasks,
            Set<SignalSource> signalSources,
            HttpService http,
            RuntimeStatus status,
            Clock clock) {
        this.persistence = requireNonNull(persistence, "persistence is null");
        this.referenceData = requireNonNull(referenceData, "referenceData is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.brokerUpdates = requireNonNull(brokerUpdates, "brokerUpdates is null");
        this.eventBus = requireNonNull(eventBus, "eventBus is null");
        this.brokerSessions = Set.copyOf(requireNonNull(brokerSessions, "brokerSessions is null"));
        this.tasks = Set.copyOf(requireNonNull(tasks, "tasks is null"));
        this.signalSources = Set.copyOf(requireNonNull(signalSources, "signalSources is null"));
        this.http = requireNonNull(http, "http is null");
        this.status = requireNonNull(status, "status is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public void start() {
        synchronized (lifecycle) {
            if (status.phase() != Phase.NEW) {
                throw new IllegalStateException("the runtime was already started");
            }
            status.phase(Phase.STARTING);
            try {
                referenceData.writeTo(persistence.instrumentStore(), persistence.riskLimitStore());
                engine.start();
                status.engineStarted(clock.instant(), engine::isRunning);
                LOG.info("engine started: recovered open orders, positions and limits from the store");
                for (BrokerSession session : brokerSessions) {
                    session.open(brokerUpdates);
                    LOG.info("broker session {} opened: {}", session.name(), session.state());
                }
                sessionsOpened = true;
                List<ScheduledLoop> created = new ArrayList<>();
                tasks.stream()
                        .sorted(Comparator.comparing(ScheduledTask::name))
                        .forEach(task -> created.add(new ScheduledLoop(task, clock)));
                loops = List.copyOf(created);
                status.loops(loops);
                for (ScheduledTask task : tasks) {
                    if (task.runAtStartup()) {
                        LOG.info("{}: first run at start-up", task.name());
                        status.loop(task.name()).orElseThrow().runOnce();
                    }
                }
                for (ScheduledLoop loop : loops) {
                    loop.start();
                }
                LOG.info(
                        "schedules started: {}",
                        tasks.stream()
                                .sorted(Comparator.comparing(ScheduledTask::name))
                                .map(task -> task.name() + " every " + task.interval())
                                .toList());
                signalsStarted = true;
                for (SignalSource source : signalSources) {
                    source.start();
                    LOG.info("signal source {} started", source.name());
                }
                http.start();
                httpStarted = true;
                status.phase(Phase.RUNNING);
            } catch (RuntimeException e) {
                LOG.error("start-up failed; stopping what was started", e);
                shutDown();
                status.phase(Phase.FAILED);
                stopped.countDown();
                throw e;
            }
        }
    }

    /**
     * Stops everything, in order; each step runs even when an earlier one failed. Returns whether every
     * step succeeded. Idempotent: a second call returns at once.
     */
    public boolean stop() {
        synchronized (lifecycle) {
            Phase phase = status.phase();
            if (phase == Phase.STOPPED || phase == Phase.FAILED) {
                return true;
            }
            LOG.info("stopping");
            status.phase(Phase.STOPPING);
            boolean clean = shutDown();
            status.phase(Phase.STOPPED);
            stopped.countDown();
            LOG.info(clean ? "stopped cleanly" : "stopped, with errors (see above)");
            return clean;
        }
    }

    /** Blocks until {@link #stop()} has finished (or start-up failed). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** The HTTP port listened on; valid while running. */
    public int httpPort() {
        return http.port();
    }

    public RuntimeStatus status() {
        return status;
    }

    private boolean shutDown() {
        boolean clean = true;
        if (httpStarted) {
            clean &= step("stop accepting HTTP requests", http::stop);
            httpStarted = false;
        }
        if (signalsStarted) {
            for (SignalSource source : signalSources) {
                clean &= step("stop signal source " + source.name(), source::close);
            }
            signalsStarted = false;
        }
        for (ScheduledLoop loop : loops) {
            clean &= step("stop " + loop.name(), () -> {
                if (!loop.stop(LOOP_STOP_TIMEOUT_MILLIS)) {
                    throw new IllegalStateException(loop.name() + " did not stop");
                }
            });
        }
        clean &= step("drain the engine", () -> {
            engine.stop();
            status.engineStopped();
        });
        clean &= step("close the event bus", eventBus::close);
        clean &= step("flush the journal and close the database", persistence::close);
        if (sessionsOpened) {
            for (BrokerSession session : brokerSessions) {
                clean &= step("close broker session " + session.name(), session::close);
            }
            sessionsOpened = false;
        }
        return clean;
    }

    private static boolean step(String what, Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            LOG.error("shutdown step failed: {}", what, e);
            return false;
        }
    }
}
