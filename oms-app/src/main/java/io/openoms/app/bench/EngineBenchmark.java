package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.broker.mock.MockBrokerGateway;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import io.openoms.app.config.OmsConfig;
import io.openoms.app.config.TradingEngineConfig;
import io.openoms.app.runtime.TimeOrderedIdGenerator;
import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.TradingEngine;
import io.openoms.application.events.OmsEventPublisher;
import io.openoms.application.ratelimit.RateLimitConfig;
import io.openoms.application.ratelimit.SlidingWindowRateLimitGuard;
import io.openoms.application.routing.StaticOrderRouter;
import io.openoms.domain.instrument.Instrument;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.port.in.FailureCode;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderCommandResult;
import io.openoms.domain.port.in.SubmitOrder;
import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.port.out.BrokerRateLimits;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.OrderStore;
import io.openoms.domain.port.out.PositionStore;
import io.openoms.domain.port.out.ReconciliationLog;
import io.openoms.domain.port.out.RiskLimitStore;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.checks.StandardChecks;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;
import io.openoms.domain.value.StrategyId;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives the real {@link TradingEngine} end to end: market orders of one lot, buy and sell in turn,
 * submitted by one driver thread to the engine, which validates them with every standard check,
 * journals them, sends them to the simulated venue (acknowledgement and fill at once), and applies
 * the acknowledgement and the fill to the order and the position. A lifecycle is complete when the
 * engine publishes the order {@code FILLED} (after the batch with the fill and the position is
 * durable).
 *
 * <p>Open loop with {@code rate > 0}: order {@code i} is due at {@code start + i / rate}; the driver
 * sends it then (or at once when it is behind), and every latency is measured from that intended
 * time, so a stall delays the measured orders behind it (no coordinated omission). Without a rate the
 * driver sends as fast as it can with at most {@code window} lifecycles outstanding (the maximum
 * throughput; latencies then from the actual send).
 *
 * <p>Latency: in {@code memory} mode from the intended send to the completion of the submit future
 * (the order durable as {@code PENDING_SUBMISSION}, i.e. accepted by the engine); in {@code postgres}
 * mode from the intended send to the start of the broker's place call (submit to broker send: risk,
 * a group commit on PostgreSQL, the dispatch hand-off). The full lifecycle latency (to {@code
 * FILLED}) is reported beside it, and the engine thread's CPU time per lifecycle (a figure a loaded
 * machine does not distort: its inverse is what one free core could do). Allocation: the bytes allocated by the engine thread, and by every
 * thread of the process, during the measured phase, per lifecycle.
 */
public final class EngineBenchmark {
    /** Where the journal lives. */
    public enum Mode {
        MEMORY,
        POSTGRES
    }

    /**
     * @param rate orders per second, or 0 for as fast as the engine takes them
     * @param window at most this many lifecycles outstanding when {@code rate} is 0
     * @param queueCapacity the engine's {@code queue-capacity}: offered above capacity, submits beyond
     *     it are refused busy at once
     * @param terminalOrderRetention the engine's {@code terminal-order-retention}
     */
    public record Options(
            Mode mode,
            int orders,
            int rate,
            int warmup,
            int window,
            int queueCapacity,
            Optional<String> databaseUrl,
            String databaseUser,
            String databasePassword,
            Duration terminalOrderRetention) {
        public Options {
            requireNonNull(mode, "mode is null");
            requireNonNull(terminalOrderRetention, "terminalOrderRetention is null");
            requireNonNull(databaseUrl, "databaseUrl is null");
            requireNonNull(databaseUser, "databaseUser is null");
            requireNonNull(databasePassword, "databasePassword is null");
        }

        /** Options with the engine's default terminal-order retention. */
        public Options(
                Mode mode,
                int orders,
                int rate,
                int warmup,
                int window,
                int queueCapacity,
                Optional<String> databaseUrl,
                String databaseUser,
                String databasePassword) {
            this(
                    mode,
                    orders,
                    rate,
                    warmup,
                    window,
                    queueCapacity,
                    databaseUrl,
                    databaseUser,
                    databasePassword,
                    EngineConfig.DEFAULT_TERMINAL_ORDER_RETENTION);
        }
    }

    /** The outcome of the measured phase; latencies in nanoseconds. */
    public record Result(
            Mode mode,
            int orders,
            long completed,
            long failed,
            long busy,
            double elapsedSeconds,
            double throughputPerSecond,
            Histogram latency,
            Histogram lifecycleLatency,
            long engineBytesPerLifecycle,
            long totalBytesPerLifecycle,
            long engineCpuNanosPerLifecycle,
            String latencyLabel) {}

    private static final AccountId ACCOUNT = AccountId.of("PAPER");
    private static final InstrumentId INSTRUMENT = InstrumentId.parse("NSE:INFY");
    private static final StrategyId STRATEGY = StrategyId.of("bench");
    private static final String TAG_PREFIX = "bench-";
    private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofMinutes(5).toNanos();

    private final PrintWriter progress;

    public EngineBenchmark(PrintWriter progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    public Result run(Options options) throws InterruptedException {
        OmsConfig config = OmsConfig.defaults();
        TradingSession allDay = new TradingSession(
                ZoneOffset.UTC, LocalTime.MIN, LocalTime.MAX, EnumSet.allOf(DayOfWeek.class), Set.of());
        List<Instrument> instruments = config.instrumentDefinitions().stream()
                .map(i -> new Instrument(
                        i.id(),
                        i.tickSize(),
                        i.lotSize(),
                        i.minQuantity(),
                        i.maxQuantity(),
                        i.freezeQuantity(),
                        i.currency(),
                        allDay))
                .toList();
        Clock clock = Clock.systemUTC();
        int total = options.warmup() + options.orders();
        Probe probe = new Probe(total, options.mode());
        try (Stores stores = options.mode() == Mode.MEMORY
                ? Stores.memory(instruments)
                : Stores.postgres(options, instruments, clock, progress)) {
            // The configured limits, with room for the orders the benchmark keeps in flight.
            RiskLimits limits = config.risk().defaults().toRiskLimits().toBuilder()
                    .maxOpenOrders(Math.max(options.window(), 1_000_000))
                    .build();
            stores.riskLimits.saveLimits(ACCOUNT, limits);
            SimulatedVenue venue =
                    new SimulatedVenue(config.broker().mockVenue(config.instruments()), instruments, clock.instant());
            BrokerGateway gateway = new TimedGateway(new MockBrokerGateway(venue), probe);
            TradingEngineConfig tuning = config.engine();
            EngineConfig engineConfig = new TradingEngineConfig(
                            options.queueCapacity(),
                            tuning.maxCommandsPerBatch(),
                            tuning.brokerDispatchThreads(),
                            tuning.rateLimitMaxWait(),
                            tuning.stopTimeout(),
                            tuning.unknownOutcomePolicy(),
                            options.terminalOrderRetention())
                    .toEngineConfig(accountsSizedFor(config, total));
            TradingEngine engine = new TradingEngine(
                    stores.journal,
                    stores.orders,
                    stores.positions,
                    stores.riskLimits,
                    stores.instruments,
                    venue,
                    new TimeOrderedIdGenerator(clock),
                    new StaticOrderRouter(Set.of(gateway), config.routing()),
                    new SlidingWindowRateLimitGuard(
                            new RateLimitConfig(
                                    Map.of(gateway.name(), BrokerRateLimits.unlimited()),
                                    RateLimitConfig.DEFAULT_MAX_WAIT),
                            clock),
                    probe,
                    stores.reconciliationLog,
                    clock,
                    StandardChecks.validator(),
                    engineConfig);
            engine.start();
            venue.attach(engine);
            try {
                if (options.warmup() > 0) {
                    progress.printf("warm-up: %,d orders%n", options.warmup());
                    drive(engine, probe, 0, options.warmup(), options);
                }
                probe.reset();
                progress.printf(
                        "measuring: %,d orders at %s%n",
                        options.orders(),
                        options.rate() > 0 ? String.format("%,d/s offered", options.rate()) : "the maximum rate");
                long engineBytesBefore = probe.engineThreadBytes();
                long engineCpuBefore = probe.engineThreadCpuNanos();
                long totalBytesBefore = totalAllocatedBytes();
                Phase phase = drive(engine, probe, options.warmup(), options.orders(), options);
                long engineBytes = probe.engineThreadBytes() - engineBytesBefore;
                long engineCpu = probe.engineThreadCpuNanos() - engineCpuBefore;
                if (probe.firstProblem.get() != null) {
                    progress.printf("first order not filled: %s%n", probe.firstProblem.get());
                }
                long totalBytes = totalAllocatedBytes() - totalBytesBefore;
                reportMemory(engine);
                long completed = probe.completed.get();
                long done = Math.max(1, completed);
                return new Result(
                        options.mode(),
                        options.orders(),
                        completed,
                        probe.failed.get(),
                        probe.busy.get(),
                        phase.elapsedNanos / 1e9,
                        completed / (phase.elapsedNanos / 1e9),
                        probe.latency.getIntervalHistogram(),
                        probe.lifecycle.getIntervalHistogram(),
                        engineBytes < 0 ? -1 : engineBytes / done,
                        totalBytes < 0 ? -1 : totalBytes / done,
                        engineCpu / done,
                        options.mode() == Mode.MEMORY ? "submit accepted (durable)" : "submit to broker send");
            } finally {
                engine.stop();
            }
        }
    }

    /** What stays in memory after the run: the orders the engine holds and the heap after a full GC. */
    private void reportMemory(TradingEngine engine) {
        try {
            int held = engine.snapshot().get(30, TimeUnit.SECONDS).orders().size();
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            progress.printf(
                    "engine memory: %,d orders held (open and retained terminal); heap used after GC %,d MB of %,d MB max%n",
                    held, heap.getUsed() >> 20, heap.getMax() >> 20);
        } catch (ExecutionException | TimeoutException e) {
            progress.printf("engine memory: not read (%s)%n", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The configured accounts, with buying power for every order of the run open at once: offered
     * above capacity, a backlog of open orders would otherwise use up the account and the run would
     * measure its refusals (BUYING_POWER), not the engine. 10,000 per order covers one lot of any
     * default instrument (the dearest opens at 3,400) inside the price band.
     */
    private static Map<AccountId, AccountSettings> accountsSizedFor(OmsConfig config, int orders) {
        Map<AccountId, AccountSettings> accounts = new LinkedHashMap<>(config.accountSettings());
        AccountSettings paper = accounts.get(ACCOUNT);
        accounts.put(
                ACCOUNT,
                new AccountSettings(
                        paper.capital(),
                        Money.of(10_000L * orders),
                        paper.accountingMethod(),
                        paper.session(),
                        paper.broker()));
        return accounts;
    }

    private record Phase(long elapsedNanos) {}

    private Phase drive(TradingEngine engine, Probe probe, int first, int count, Options options)
            throws InterruptedException {
        long start = System.nanoTime() + 1_000_000;
        long periodNanos = options.rate() > 0 ? 1_000_000_000L / options.rate() : 0;
        double exactPeriod = options.rate() > 0 ? 1e9 / options.rate() : 0;
        long reportEvery = Math.max(1, count / 10);
        for (int i = 0; i < count; i++) {
            int index = first + i;
            long intended;
            if (periodNanos > 0) {
                intended = start + (long) (i * exactPeriod);
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    if (wait > 80_000) {
                        LockSupport.parkNanos(wait - 60_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
            } else {
                while (probe.sent - probe.finished() >= options.window()) {
                    // Parked, not spinning: on two cores a spinning driver takes the engine's CPU.
                    LockSupport.parkNanos(20_000);
                }
                intended = System.nanoTime();
            }
            probe.intended[index] = intended;
            probe.sent++;
            engine.submit(SubmitOrder.of(request(index)))
                    .whenComplete((result, error) -> probe.submitted(index, result));
            if ((i + 1) % reportEvery == 0) {
                progress.printf("  sent %,d / %,d, lifecycles done %,d%n", i + 1, count, probe.finished());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos() + (long) count * 1_000;
        while (probe.finished() < count && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(200_000);
        }
        if (probe.finished() < count) {
            progress.printf("WARNING: %,d of %,d lifecycles did not finish in time%n", count - probe.finished(), count);
        }
        long last = probe.lastFinish.get();
        return new Phase(Math.max(1, (last == 0 ? System.nanoTime() : last) - start));
    }

    private static OrderRequest request(int index) {
        return OrderRequest.builder()
                .account(ACCOUNT)
                .strategy(STRATEGY)
                .instrument(INSTRUMENT)
                .side(index % 2 == 0 ? Side.BUY : Side.SELL)
                .type(OrderType.MARKET)
                .quantity(1)
                .product(Product.MIS)
                .tag(TAG_PREFIX + index)
                .build();
    }

    static int indexOf(Order order) {
        Optional<String> tag = order.tag();
        if (tag.isEmpty() || !tag.get().startsWith(TAG_PREFIX)) {
            return -1;
        }
        return Integer.parseInt(tag.get(), TAG_PREFIX.length(), tag.get().length(), 10);
    }

    private static long totalAllocatedBytes() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
            return -1;
        }
        long[] ids = threads.getAllThreadIds();
        long sum = 0;
        for (long bytes : threads.getThreadAllocatedBytes(ids)) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }

    /**
     * Counts and times lifecycles: it is the engine's event publisher (called on the engine thread
     * after each durable batch) and sees the submit results and the broker sends.
     */
    private static final class Probe implements OmsEventPublisher {
        final long[] intended;
        final Mode mode;
        final Recorder latency = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
        final Recorder lifecycle = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
        final AtomicLong completed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong busy = new AtomicLong();
        final AtomicLong lastFinish = new AtomicLong();
        final AtomicReference<Thread> engineThread = new AtomicReference<>();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        // Driver thread only.
        long sent;

        Probe(int orders, Mode mode) {
            this.intended = new long[orders];
            this.mode = mode;
        }

        void reset() {
            latency.reset();
            lifecycle.reset();
            completed.set(0);
            failed.set(0);
            busy.set(0);
            lastFinish.set(0);
            sent = 0;
        }

        long finished() {
            return completed.get() + failed.get() + busy.get();
        }

        long engineThreadBytes() {
            Thread thread = engineThread.get();
            if (thread == null
                    || !(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
                return -1;
            }
            return threads.getThreadAllocatedBytes(thread.getId());
        }

        long engineThreadCpuNanos() {
            Thread thread = engineThread.get();
            return thread == null ? 0 : ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
        }

        void submitted(int index, OrderCommandResult result) {
            if (result instanceof OrderCommandResult.Accepted) {
                if (mode == Mode.MEMORY) {
                    latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, System.nanoTime() - intended[index]));
                }
            } else if (result instanceof OrderCommandResult.Failed f && f.code() == FailureCode.ENGINE_BUSY) {
                // Turned away at once, nothing stored: what overload is answered with, not a failure.
                busy.incrementAndGet();
            } else if (result instanceof OrderCommandResult.Failed || result == null) {
                firstProblem.compareAndSet(null, String.valueOf(result));
                finish(false);
            }
            // A rejected order is published REJECTED and counted there.
        }

        void sent(Order order) {
            if (mode == Mode.POSTGRES) {
                int index = indexOf(order);
                if (index >= 0) {
                    latency.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, System.nanoTime() - intended[index]));
                }
            }
        }

        @Override
        public void publish(List<OmsEvent> events) {
            engineThread.compareAndSet(null, Thread.currentThread());
            for (OmsEvent event : events) {
                if (event instanceof OmsEvent.OrderUpdated updated
                        && updated.order().isTerminal()) {
                    Order order = updated.order();
                    int index = indexOf(order);
                    if (index < 0) {
                        continue;
                    }
                    if (order.status() == OrderStatus.FILLED) {
                        lifecycle.recordValue(Math.min(HIGHEST_TRACKABLE_NANOS, System.nanoTime() - intended[index]));
                        finish(true);
                    } else {
                        firstProblem.compareAndSet(
                                null,
                                order.status() + " "
                                        + order.rejection()
                                                .map(Object::toString)
                                                .orElse(""));
                        finish(false);
                    }
                }
            }
        }

        private void finish(boolean filled) {
            (filled ? completed : failed).incrementAndGet();
            lastFinish.set(System.nanoTime());
        }
    }

    /** The venue's gateway, noting when each place call starts (the broker send). */
    private static final class TimedGateway implements BrokerGateway {
        private final BrokerGateway delegate;
        private final Probe probe;

        TimedGateway(BrokerGateway delegate, Probe probe) {
            this.delegate = delegate;
            this.probe = probe;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public BrokerResult<BrokerOrderId> place(Order order) {
            probe.sent(order);
            return delegate.place(order);
        }

        @Override
        public BrokerResult<BrokerOrderId> modify(Order order, OrderModification modification) {
            return delegate.modify(order, modification);
        }

        @Override
        public BrokerResult<BrokerOrderId> cancel(Order order) {
            return delegate.cancel(order);
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> order(BrokerOrderId id) {
            return delegate.order(id);
        }

        @Override
        public BrokerResult<Optional<BrokerOrder>> findOrder(ClientOrderId id) {
            return delegate.findOrder(id);
        }

        @Override
        public BrokerResult<List<BrokerOrder>> orders() {
            return delegate.orders();
        }

        @Override
        public BrokerResult<List<BrokerTrade>> trades() {
            return delegate.trades();
        }

        @Override
        public BrokerResult<List<BrokerPosition>> positions() {
            return delegate.positions();
        }
    }

    /** The stores the engine runs on: in memory, or PostgreSQL in a schema of its own, dropped at close. */
    private static final class Stores implements AutoCloseable {
        final Journal journal;
        final OrderStore orders;
        final PositionStore positions;
        final RiskLimitStore riskLimits;
        final io.openoms.domain.port.out.InstrumentCatalog instruments;
        final ReconciliationLog reconciliationLog;
        private final Runnable onClose;

        private Stores(
                Journal journal,
                OrderStore orders,
                PositionStore positions,
                RiskLimitStore riskLimits,
                io.openoms.domain.port.out.InstrumentCatalog instruments,
                ReconciliationLog reconciliationLog,
                Runnable onClose) {
            this.journal = journal;
            this.orders = orders;
            this.positions = positions;
            this.riskLimits = riskLimits;
            this.instruments = instruments;
            this.reconciliationLog = reconciliationLog;
            this.onClose = onClose;
        }

        static Stores memory(List<Instrument> instruments) {
            MemoryJournal journal = new MemoryJournal();
            MemoryReferenceData reference = new MemoryReferenceData(instruments);
            return new Stores(journal, journal, journal, reference, reference, reference, () -> {});
        }

        static Stores postgres(Options options, List<Instrument> instruments, Clock clock, PrintWriter progress) {
            String url = options.databaseUrl()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--mode postgres needs OMS_DB_URL (jdbc:postgresql://host:5432/db)"));
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("OMS_DB_URL must start with jdbc:postgresql: for --mode postgres");
            }
            String schema = "openoms_bench_" + UUID.randomUUID().toString().substring(0, 8);
            execute(url, options, "CREATE SCHEMA " + schema);
            progress.printf("postgres: schema %s (dropped at the end)%n", schema);
            Persistence persistence;
            try {
                String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                persistence = Persistence.open(
                        PersistenceConfig.server(schemaUrl, options.databaseUser(), options.databasePassword()), clock);
                persistence.instrumentStore().saveAll(instruments);
            } catch (RuntimeException e) {
                dropQuietly(url, options, schema, progress);
                throw e;
            }
            return new Stores(
                    persistence.journal(),
                    persistence.orderStore(),
                    persistence.positionStore(),
                    persistence.riskLimitStore(),
                    persistence.instrumentStore(),
                    persistence.reconciliationLog(),
                    () -> {
                        try {
                            persistence.close();
                        } finally {
                            dropQuietly(url, options, schema, progress);
                        }
                    });
        }

        private static void dropQuietly(String url, Options options, String schema, PrintWriter progress) {
            try {
                execute(url, options, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                progress.printf("could not drop schema %s: %s%n", schema, e.getMessage());
            }
        }

        private static void execute(String url, Options options, String sql) {
            try (Connection connection =
                            DriverManager.getConnection(url, options.databaseUser(), options.databasePassword());
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            onClose.run();
        }
    }
}
