package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.application.events.OmsEventPublisher;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.RateLimitGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine thread and its queues. Callers enqueue commands into a bounded queue. A submit or
 * modify that finds {@code queueCapacity} commands waiting, counting broker calls not yet answered,
 * is refused at once with {@code ENGINE_BUSY} (nothing stored), so overload is turned away rather
 * than queued into latency; cancels, cancel-all, limits and the trading state may use a reserve
 * above that (refused busy only when it too is full). Broker updates and answers have a queue of
 * their own, applied first in each batch; they wait for room in it (they are never dropped), as do
 * monitor commands in the callers' queue. The thread takes up to {@code maxCommandsPerBatch}
 * commands, applies each through the {@link Commands}, and appends their events as one journal
 * batch (group commit), waiting for it before the next batch. Only a durable batch releases its effects; a failed append fails its
 * callers and rebuilds {@link EngineState} from the stores. Also owns the broker dispatch executor,
 * so stopping drains broker calls in flight and their answers.
 */
final class EngineLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    private static final int MIN_QUEUE_RESERVE = 1024;

    /** What the loop applies: each command, and the recovery after the restore at start-up. */
    interface Commands {
        void handle(EngineCommand command, Unit unit, Instant now);

        void recover(Unit unit, Instant now);
    }

    private enum Phase {
        NEW,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private final EngineState state;
    private final Journal journal;
    private final OmsEventPublisher publisher;
    private final Clock clock;
    private final EngineConfig config;
    private final ArrayBlockingQueue<EngineCommand> queue;
    private final ArrayBlockingQueue<EngineCommand> brokerQueue;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ExecutorService dispatchExecutor;
    private final BrokerDispatcher dispatcher;
    private final AtomicInteger brokerCallsInFlight = new AtomicInteger();
    private final CountDownLatch loopDone = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private volatile Phase phase = Phase.NEW;
    private volatile boolean forceStop;
    private volatile Thread engineThread;

    // Engine-thread state.
    private final ArrayDeque<EngineCommand> internal = new ArrayDeque<>();
    private Commands commands;
    private boolean needsRestore;

    EngineLoop(
            EngineState state,
            Journal journal,
            OmsEventPublisher publisher,
            RateLimitGuard rateLimits,
            Clock clock,
            EngineConfig config) {
        this.state = requireNonNull(state, "state is null");
        this.journal = requireNonNull(journal, "journal is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.config = requireNonNull(config, "config is null");
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity() + reserve(config.queueCapacity()));
        this.brokerQueue = new ArrayBlockingQueue<>(reserve(config.queueCapacity()));
        AtomicInteger threadNumber = new AtomicInteger();
        this.dispatchExecutor = Executors.newFixedThreadPool(config.brokerDispatchThreads(), runnable -> {
            Thread thread = new Thread(runnable, "oms-broker-dispatch-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.dispatcher = new BrokerDispatcher(
                dispatchExecutor,
                requireNonNull(rateLimits, "rateLimits is null"),
                config,
                this::enqueueInternal,
                brokerCallsInFlight);
    }

    /** Room above {@code queueCapacity} for everything but submits and modifies. */
    static int reserve(int queueCapacity) {
        return Math.max(queueCapacity, MIN_QUEUE_RESERVE);
    }

    /** Sends broker requests; their answers come back through this loop. */
    BrokerDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Restores {@link EngineState} from the stores, lets {@code commands} recover what the stop
     * interrupted and journals that, then starts the engine thread applying {@code commands}. Throws
     * when the stores cannot be read or the recovery not journalled.
     */
    void start(Commands commands) {
        synchronized (lifecycle) {
            if (phase != Phase.NEW) {
                throw new IllegalStateException("the engine was already started");
            }
            this.commands = requireNonNull(commands, "commands is null");
            state.restore();
            Unit unit = new Unit();
            commands.recover(unit, clock.instant());
            if (!commit(unit)) {
                throw new IllegalStateException("cannot start: the journal could not record the unknown submits");
            }
            state.refreshPositionView(null);
            phase = Phase.RUNNING;
            Thread thread = new Thread(this::run, "oms-engine");
            engineThread = thread;
            thread.start();
        }
    }

    /**
     * Stops accepting commands ({@code ENGINE_STOPPED}), applies what is queued, waits for the broker
     * calls in flight and their answers, and ends the engine thread, within {@code stopTimeout}. Broker
     * requests still waiting for a rate-limit permit are then interrupted and never sent; their orders
     * are rejected as not sent. Idempotent.
     */
    void stop() {
        synchronized (lifecycle) {
            if (phase == Phase.NEW) {
                phase = Phase.STOPPED;
                dispatchExecutor.shutdownNow();
                return;
            }
            if (phase == Phase.STOPPED) {
                return;
            }
            phase = Phase.STOPPING;
        }
        long timeoutMillis = config.stopTimeout().toMillis();
        try {
            if (!loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "engine did not drain within {}; interrupting broker requests not yet sent",
                        config.stopTimeout());
                dispatchExecutor.shutdownNow();
                if (!loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    forceStop = true;
                    loopDone.await(timeoutMillis, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forceStop = true;
        }
        dispatchExecutor.shutdownNow();
        phase = Phase.STOPPED;
    }

    boolean isRunning() {
        return phase == Phase.RUNNING;
    }

    int queueDepth() {
        return queue.size() + brokerQueue.size();
    }

    int brokerCallsInFlight() {
        return brokerCallsInFlight.get();
    }

    /** Enqueues a caller's order command; a refusal completes {@code result} with a failure at once. */
    void offer(EngineCommand command, CompletableFuture<OrderCommandResult> result) {
        tryOffer(command).ifPresent(code -> result.complete(OrderEntryHandler.failed(code, message(code))));
    }

    /** Enqueues without waiting; the refusal when the queue is full or the engine is not running. */
    Optional<FailureCode> tryOffer(EngineCommand command) {
        if (phase != Phase.RUNNING) {
            return Optional.of(FailureCode.ENGINE_STOPPED);
        }
        boolean newRisk = command instanceof EngineCommand.Submit || command instanceof EngineCommand.Modify;
        // The backlog is what waits for the engine plus what waits for the broker (accepted orders
        // whose place call is unanswered are open and cost every submit). Only new risk is turned
        // away at queueCapacity: cancels, limits and the kill switch use the reserve above it.
        if ((newRisk && queue.size() + brokerCallsInFlight.get() >= config.queueCapacity()) || !queue.offer(command)) {
            return Optional.of(FailureCode.ENGINE_BUSY);
        }
        wakeUp.release();
        if (phase == Phase.STOPPED && queue.remove(command)) {
            return Optional.of(FailureCode.ENGINE_STOPPED);
        }
        return Optional.empty();
    }

    static String message(FailureCode code) {
        return switch (code) {
            case ENGINE_BUSY -> "the engine's command queue is full: retry shortly";
            case ENGINE_STOPPED -> "the engine is stopping or stopped";
            default -> code.name();
        };
    }

    /**
     * Enqueues, waiting for room: broker updates and monitor commands are never dropped. When the
     * engine is not running, the command is dropped and {@code failOnStop} (if any) fails.
     */
    void put(EngineCommand command, CompletableFuture<?> failOnStop) {
        requireNonNull(command, "command is null");
        if (phase == Phase.NEW || phase == Phase.STOPPED) {
            LOG.warn("engine is not running; dropped {}", command);
            if (failOnStop != null) {
                failOnStop.completeExceptionally(new EngineUnavailableException(
                        FailureCode.ENGINE_STOPPED, message(FailureCode.ENGINE_STOPPED)));
            }
            return;
        }
        if (Thread.currentThread() == engineThread) {
            internal.add(command);
            return;
        }
        try {
            (fromBroker(command) ? brokerQueue : queue).put(command);
            wakeUp.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while waiting for room in the engine queue; dropped {}", command);
            if (failOnStop != null) {
                failOnStop.completeExceptionally(e);
            }
        }
    }

    /** Broker answers: from the engine thread itself (a request never queued) or from a dispatch thread. */
    private void enqueueInternal(EngineCommand command) {
        if (Thread.currentThread() == engineThread) {
            internal.add(command);
            return;
        }
        try {
            brokerQueue.put(command);
            wakeUp.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while handing a broker answer to the engine; lost {}", command);
        }
    }

    /** What a broker tells us: applied before callers' commands, so accepted work completes first. */
    private static boolean fromBroker(EngineCommand command) {
        return command instanceof EngineCommand.OrderUpdate
                || command instanceof EngineCommand.TradeReport
                || command instanceof EngineCommand.MalformedPayload
                || command instanceof EngineCommand.StreamReconnected
                || command instanceof EngineCommand.BrokerReply;
    }

    private void run() {
        List<EngineCommand> group = List.of();
        try {
            while (true) {
                if (phase == Phase.STOPPING && (forceStop || (brokerCallsInFlight.get() == 0 && idle()))) {
                    break;
                }
                // Drained before looking, so a permit released after the look wakes the wait below at once
                // (and permits never pile up under load).
                wakeUp.drainPermits();
                group = new ArrayList<>();
                while (!internal.isEmpty() && group.size() < config.maxCommandsPerBatch()) {
                    group.add(internal.poll());
                }
                // Broker answers first: under overload they complete (and close) accepted orders rather
                // than wait behind new submits, so the open orders, and with them each submit's cost,
                // stay small.
                brokerQueue.drainTo(group, config.maxCommandsPerBatch() - group.size());
                queue.drainTo(group, config.maxCommandsPerBatch() - group.size());
                if (group.isEmpty()) {
                    if (idle()) {
                        wakeUp.tryAcquire(20, TimeUnit.MILLISECONDS);
                    }
                    continue;
                }
                processGroup(group);
                List<EngineCommand> released = state.releaseHeld();
                if (!released.isEmpty()) {
                    processGroup(released);
                }
            }
        } catch (InterruptedException e) {
            LOG.error("engine thread interrupted; stopping", e);
        } catch (RuntimeException | Error e) {
            LOG.error("engine thread failed; stopping", e);
            // Their callers would otherwise wait forever; what was journalled or sent is not known here.
            for (EngineCommand command : group) {
                Refusals.refuse(
                        command,
                        FailureCode.ENGINE_STOPPED,
                        "the engine thread failed while handling this request, so its outcome is unknown: look the"
                                + " order up (by its client order id) before repeating it");
            }
        } finally {
            phase = Phase.STOPPED;
            refuseRemaining();
            loopDone.countDown();
        }
    }

    private boolean idle() {
        return queue.isEmpty() && brokerQueue.isEmpty() && internal.isEmpty();
    }

    private void refuseRemaining() {
        List<EngineCommand> remaining = new ArrayList<>(internal);
        internal.clear();
        brokerQueue.drainTo(remaining);
        queue.drainTo(remaining);
        for (EngineCommand.Submit submit : state.drainHeld()) {
            submit.result()
                    .complete(OrderEntryHandler.failed(
                            FailureCode.ENGINE_STOPPED, "the engine stopped while the order was held"));
        }
        for (EngineCommand command : remaining) {
            Refusals.refuse(command, FailureCode.ENGINE_STOPPED, message(FailureCode.ENGINE_STOPPED));
        }
    }

    private void processGroup(List<EngineCommand> group) {
        if (needsRestore && !tryRestore()) {
            group.forEach(c -> Refusals.refuse(
                    c, FailureCode.JOURNAL_UNAVAILABLE, "the journal is unavailable and the stores cannot be read"));
            return;
        }
        Unit batch = new Unit();
        for (EngineCommand command : group) {
            Unit unit = new Unit();
            try {
                commands.handle(command, unit, clock.instant());
                batch.merge(unit);
            } catch (RuntimeException bug) {
                LOG.error("command {} failed; its changes are discarded", command, bug);
                commit(batch);
                batch = new Unit();
                needsRestore = true;
                tryRestore();
                Refusals.refuse(
                        command, FailureCode.INTERNAL_ERROR, "the command failed and nothing was stored: " + bug);
            }
        }
        commit(batch);
    }

    /**
     * Appends the unit's batch and waits for it; then releases its effects, or, when the append
     * failed, fails its callers and rebuilds memory from the stores. True when durable.
     */
    private boolean commit(Unit unit) {
        if (unit.needsJournal()) {
            Throwable failure = null;
            try {
                journal.append(unit.batch()).get();
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (RuntimeException e) {
                failure = e;
            }
            if (failure != null) {
                LOG.error("journal append failed; the batch's commands fail and memory is rebuilt", failure);
                String message = "the journal could not make the command durable, nothing was done: "
                        + (failure.getMessage() == null ? failure.toString() : failure.getMessage());
                needsRestore = true;
                tryRestore();
                for (Consumer<String> action : unit.failureActions()) {
                    runSafely(() -> action.accept(message));
                }
                return false;
            }
        }
        if (!unit.positionAccounts().isEmpty()) {
            state.refreshPositionView(unit.positionAccounts());
        }
        // Published before callers learn of the outcome, so a caller that saw it finds the events sent.
        List<OmsEvent> events = unit.published();
        if (!events.isEmpty()) {
            runSafely(() -> publisher.publish(events));
        }
        for (Runnable action : unit.afterCommitActions()) {
            runSafely(action);
        }
        return true;
    }

    private static void runSafely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("releasing a side effect failed", e);
        }
    }

    private boolean tryRestore() {
        try {
            state.restore();
            needsRestore = false;
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "cannot read the stores to rebuild the engine's state; commands are refused until they can be read",
                    e);
            return false;
        }
    }
}
