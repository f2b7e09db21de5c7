package io.openoms.adapters.persistence;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.order.FillOutcome;
import io.openoms.domain.order.LiquiditySide;
import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.order.OrderManager;
import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TradeId;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalBatch;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionKey;
import io.openoms.domain.position.PositionManager;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Quantity;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Measures the group-commit journal against PostgreSQL (a benchmark, not a test; it becomes part of
 * {@code oms bench}). It appends synthetic order lifecycles — created and released by risk (one
 * command, one append), submitted, accepted, two fills: six events in five appends, each append
 * carrying the order and, for a fill, its position (one position per lifecycle) — the way the
 * engine does: one producer with many lifecycles in flight, not waiting for one append to be
 * durable before the next. It prints lifecycles per second, the commit time of each group
 * transaction and the append-to-durable latency (HdrHistogram, microseconds), and then the rate of
 * a naive writer that commits one event per transaction and waits for it, so that the gain is
 * visible.
 *
 * <p>The batches are built with the domain before the clock starts, so that the figures are the
 * journal's. It works in a schema of its own, created, migrated and dropped again, and reports the
 * server's {@code synchronous_commit} and {@code fsync}: a durable figure needs both on.
 *
 * <p>{@code main} arguments: {@code [jdbcUrl] [--lifecycles=N] [--in-flight=N] [--batch-size=N]
 * [--max-wait-micros=N] [--naive-lifecycles=N] [--keep-schema]}; the URL defaults to {@code
 * OMS_DB_URL}, the user and password come from {@code OMS_DB_USER} and {@code OMS_DB_PASSWORD}.
 */
public final class JournalBenchmark {
    /** The events of one lifecycle: created, released, submitted, accepted, filled twice. */
    public static final int EVENTS_PER_LIFECYCLE = 6;

    private static final Instant T0 = Instant.parse("2025-01-06T03:45:00Z");
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** The phases of a group transaction, as {@link WritePhases} times them. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final List<String> PHASES = List.of("events", "fills", "orders", "positions", "commit");

    private JournalBenchmark() {}

    /**
     * What to run: the database, how many lifecycles, how many of them are in flight at once (the
     * producer steps each of those before the next ones start), the journal's batching, and how many
     * lifecycles the naive writer commits (0 skips it).
     */
    public record Options(
            String jdbcUrl,
            String user,
            String password,
            int lifecycles,
            int inFlight,
            int batchSize,
            Duration maxWait,
            int naiveLifecycles,
            int engineBatch,
            boolean keepSchema) {
        public Options {
            requireNonNull(jdbcUrl, "jdbcUrl is null");
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
            requireNonNull(maxWait, "maxWait is null");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("the benchmark needs a jdbc:postgresql: URL");
            }
            if (lifecycles < 1 || inFlight < 1 || batchSize < 1 || naiveLifecycles < 0 || engineBatch < 0) {
                throw new IllegalArgumentException("counts must be positive");
            }
        }

        public static Options defaults(String jdbcUrl, String user, String password) {
            return new Options(jdbcUrl, user, password, 100_000, 2_000, 2_000, Duration.ofMillis(1), 2_000, 0, false);
        }
    }

    /**
     * The figures: the server's durability settings, the group-commit run (lifecycles and events per
     * second, groups, appends per group, group commit time and append-to-durable latency in
     * microseconds) and the naive writer's lifecycles per second (0 when it was skipped).
     */
    public record Result(
            String synchronousCommit,
            String fsync,
            long lifecycles,
            double seconds,
            double lifecyclesPerSecond,
            double eventsPerSecond,
            long groups,
            double appendsPerGroup,
            long commitP50Micros,
            long commitP99Micros,
            long commitP999Micros,
            long commitMaxMicros,
            long appendP50Micros,
            long appendP99Micros,
            long appendP999Micros,
            long naiveLifecycles,
            double naiveLifecyclesPerSecond) {
        public boolean durable() {
            return "on".equalsIgnoreCase(fsync) && !"off".equalsIgnoreCase(synchronousCommit);
        }
    }

    public static void main(String[] args) {
        String url = System.getenv("OMS_DB_URL");
        List<String> flags = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                flags.add(arg);
            } else {
                url = arg;
            }
        }
        if (url == null || url.isBlank()) {
            System.err.println(
                    "usage: JournalBenchmark [jdbc:postgresql://host:port/db] [--lifecycles=N] [--in-flight=N]"
                            + " [--batch-size=N] [--max-wait-micros=N] [--naive-lifecycles=N] [--engine-batch=N]"
                            + " [--keep-schema]"
                            + " (or set OMS_DB_URL; OMS_DB_USER, OMS_DB_PASSWORD)");
            System.exit(2);
        }
        String user = Optional.ofNullable(System.getenv("OMS_DB_USER")).orElse("postgres");
        String password = Optional.ofNullable(System.getenv("OMS_DB_PASSWORD")).orElse("");
        Options defaults = Options.defaults(url, user, password);
        int lifecycles = defaults.lifecycles();
        int inFlight = defaults.inFlight();
        int batchSize = defaults.batchSize();
        Duration maxWait = defaults.maxWait();
        int naive = defaults.naiveLifecycles();
        int engineBatch = defaults.engineBatch();
        boolean keep = false;
        for (String flag : flags) {
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : "";
            switch (flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag) {
                case "--lifecycles" -> lifecycles = Integer.parseInt(value);
                case "--in-flight" -> inFlight = Integer.parseInt(value);
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--max-wait-micros" -> maxWait = Duration.ofNanos(Long.parseLong(value) * 1000);
                case "--naive-lifecycles" -> naive = Integer.parseInt(value);
                case "--engine-batch" -> engineBatch = Integer.parseInt(value);
                case "--keep-schema" -> keep = true;
                default -> {
                    System.err.println("unknown option " + flag);
                    System.exit(2);
                }
            }
        }
        run(
                new Options(url, user, password, lifecycles, inFlight, batchSize, maxWait, naive, engineBatch, keep),
                System.out);
    }

    /** Runs the benchmark, printing progress and figures to {@code out}. */
    public static Result run(Options options, PrintStream out) {
        requireNonNull(options, "options is null");
        requireNonNull(out, "out is null");
        String schema = "openoms_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String url = options.jdbcUrl() + (options.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String synchronousCommit;
        String fsync;
        try (Connection admin = DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
                Statement statement = admin.createStatement()) {
            synchronousCommit = show(statement, "synchronous_commit");
            fsync = show(statement, "fsync");
            out.printf(
                    Locale.ROOT,
                    "server: %s%nsynchronous_commit=%s fsync=%s wal_sync_method=%s commit_delay=%s%n",
                    show(statement, "server_version"),
                    synchronousCommit,
                    fsync,
                    show(statement, "wal_sync_method"),
                    show(statement, "commit_delay"));
            if (!"on".equalsIgnoreCase(fsync) || "off".equalsIgnoreCase(synchronousCommit)) {
                out.println("WARNING: fsync or synchronous_commit is off: these figures are not durable ones");
            }
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("database unavailable: " + DatabaseErrors.describe(e), e);
        }
        out.printf(
                Locale.ROOT,
                "machine: %d cores, java %s; schema %s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                schema);
        try {
            PersistenceConfig config = PersistenceConfig.server(url, options.user(), options.password())
                    .withPoolSize(4)
                    .withJournal(options.batchSize(), options.maxWait());
            Persistence.migrate(config);
            GroupRun grouped = groupCommit(config, options, out);
            double naiveRate = 0;
            if (options.naiveLifecycles() > 0) {
                naiveRate = naive(config.withJournal(1, Duration.ZERO), options.naiveLifecycles(), out);
            }
            Result result = new Result(
                    synchronousCommit,
                    fsync,
                    options.lifecycles(),
                    grouped.seconds,
                    options.lifecycles() / grouped.seconds,
                    (double) options.lifecycles() * EVENTS_PER_LIFECYCLE / grouped.seconds,
                    grouped.groups,
                    grouped.groups == 0 ? 0 : (double) grouped.appends / grouped.groups,
                    grouped.commit.getValueAtPercentile(50),
                    grouped.commit.getValueAtPercentile(99),
                    grouped.commit.getValueAtPercentile(99.9),
                    grouped.commit.getMaxValue(),
                    grouped.append.getValueAtPercentile(50),
                    grouped.append.getValueAtPercentile(99),
                    grouped.append.getValueAtPercentile(99.9),
                    options.naiveLifecycles(),
                    naiveRate);
            print(result, options, out);
            return result;
        } finally {
            if (!options.keepSchema()) {
                try (Connection admin =
                                DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
                        Statement statement = admin.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    out.println("could not drop schema " + schema + ": " + DatabaseErrors.describe(e));
                }
            }
        }
    }

    private record GroupRun(
            double seconds, long groups, long appends, Histogram commit, Histogram append, List<Histogram> phases) {}

    private static GroupRun groupCommit(PersistenceConfig config, Options options, PrintStream out) {
        out.printf(Locale.ROOT, "building %,d lifecycles...%n", options.lifecycles());
        List<JournalBatch> steps = lifecycles("G", options.lifecycles(), options.inFlight(), false);
        boolean engine = options.engineBatch() > 0;
        List<JournalBatch> appends = engine ? merged(steps, options.engineBatch()) : steps;
        Histogram commit = new Histogram(HIGHEST_MICROS, 3);
        List<Histogram> phases = new ArrayList<>();
        for (int i = 0; i < PHASES.size(); i++) {
            phases.add(new Histogram(HIGHEST_MICROS, 3));
        }
        SynchronizedHistogram append = new SynchronizedHistogram(HIGHEST_MICROS, 3);
        AtomicLong groups = new AtomicLong();
        AtomicLong appended = new AtomicLong();
        AtomicLong writerCpu = new AtomicLong();
        out.printf(
                Locale.ROOT,
                "group commit: %,d appends (%,d events), %d lifecycles in flight, batch size %d, max wait %d us%s%n",
                appends.size(),
                (long) options.lifecycles() * EVENTS_PER_LIFECYCLE,
                options.inFlight(),
                options.batchSize(),
                options.maxWait().toNanos() / 1000,
                engine ? "; engine model: " + options.engineBatch() + " commands per append, each awaited" : "");
        try (Persistence persistence = Persistence.open(config.withMigrateOnStart(false), Clock.systemUTC())) {
            persistence.groupCommitJournal().observeCommits((batches, events, nanos, phase) -> {
                commit.recordValue(micros(nanos));
                long[] values = {
                    phase.eventsNanos(),
                    phase.fillsNanos(),
                    phase.ordersNanos(),
                    phase.positionsNanos(),
                    phase.commitNanos()
                };
                for (int i = 0; i < values.length; i++) {
                    phases.get(i).recordValue(micros(values[i]));
                }
                writerCpu.set(THREADS.getCurrentThreadCpuTime());
                groups.incrementAndGet();
                appended.addAndGet(batches);
            });
            Journal journal = persistence.journal();
            // The engine's back-pressure: it stops taking commands when this many appends await their commit.
            Semaphore outstanding = new Semaphore(Math.max(options.batchSize() * 4, options.inFlight() * 2));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
            long writerCpuBefore = writerCpu.get();
            long processCpuBefore = processCpuNanos();
            long started = System.nanoTime();
            for (JournalBatch batch : appends) {
                outstanding.acquireUninterruptibly();
                long appendedAt = System.nanoTime();
                last = journal.append(batch).whenComplete((ok, error) -> {
                    outstanding.release();
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        append.recordValue(
                                Math.min(HIGHEST_MICROS, Math.max(1, (System.nanoTime() - appendedAt) / 1000)));
                    }
                });
                if (engine) {
                    // The engine waits for each batch before it applies the next commands.
                    last.exceptionally(e -> null).join();
                }
            }
            last.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Where the client's CPU went: the writer thread (binding, JSON, JDBC) and the whole JVM.
            out.printf(
                    Locale.ROOT,
                    "client CPU while timed: writer thread %.2f s, whole JVM %.2f s, wall %.2f s%n",
                    (writerCpu.get() - writerCpuBefore) / 1e9,
                    (processCpuNanos() - processCpuBefore) / 1e9,
                    seconds);
            if (failure.get() != null) {
                throw new IllegalStateException(
                        "an append failed: " + failure.get().getMessage(), failure.get());
            }
            out.printf(Locale.ROOT, "phases of a group transaction (us), p50 / p99:");
            for (int i = 0; i < PHASES.size(); i++) {
                out.printf(
                        Locale.ROOT,
                        " %s %d / %d;",
                        PHASES.get(i),
                        phases.get(i).getValueAtPercentile(50),
                        phases.get(i).getValueAtPercentile(99));
            }
            out.println();
            return new GroupRun(seconds, groups.get(), appended.get(), commit, append, phases);
        }
    }

    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1000));
    }

    /**
     * The engine's batches: {@code size} consecutive commands in one append, with each order's and
     * position's last state once.
     */
    static List<JournalBatch> merged(List<JournalBatch> steps, int size) {
        List<JournalBatch> batches = new ArrayList<>();
        for (int from = 0; from < steps.size(); from += size) {
            List<OrderEvent> events = new ArrayList<>();
            Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
            Map<Object, Position> positions = new LinkedHashMap<>();
            for (JournalBatch step : steps.subList(from, Math.min(steps.size(), from + size))) {
                events.addAll(step.events());
                step.orders().forEach(order -> orders.put(order.id(), order));
                step.positions().forEach(position -> positions.put(PositionRows.Identity.of(position), position));
            }
            batches.add(new JournalBatch(events, List.copyOf(orders.values()), List.copyOf(positions.values())));
        }
        return batches;
    }

    private static double naive(PersistenceConfig config, int count, PrintStream out) {
        List<JournalBatch> appends = lifecycles("N", count, 1, true);
        out.printf(Locale.ROOT, "naive writer: %,d lifecycles, one event per transaction, each awaited%n", count);
        try (Persistence persistence = Persistence.open(config.withMigrateOnStart(false), Clock.systemUTC())) {
            long started = System.nanoTime();
            for (JournalBatch batch : appends) {
                persistence.journal().append(batch).join();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static void print(Result r, Options options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nresult (%s):%n"
                        + "  group commit: %,d lifecycles in %.2f s = %,.0f lifecycles/s (%,.0f events/s)%n"
                        + "  groups: %,d, %.1f appends per group%n"
                        + "  group commit time (us): p50 %d, p99 %d, p99.9 %d, max %d%n"
                        + "  append to durable (us): p50 %d, p99 %d, p99.9 %d%n",
                r.durable() ? "durable: synchronous_commit and fsync on" : "NOT durable",
                r.lifecycles(),
                r.seconds(),
                r.lifecyclesPerSecond(),
                r.eventsPerSecond(),
                r.groups(),
                r.appendsPerGroup(),
                r.commitP50Micros(),
                r.commitP99Micros(),
                r.commitP999Micros(),
                r.commitMaxMicros(),
                r.appendP50Micros(),
                r.appendP99Micros(),
                r.appendP999Micros());
        if (r.naiveLifecycles() > 0) {
            out.printf(
                    Locale.ROOT,
                    "  naive (one event per commit): %,.0f lifecycles/s (%,.0f events/s); group commit is %.1fx%n",
                    r.naiveLifecyclesPerSecond(),
                    r.naiveLifecyclesPerSecond() * EVENTS_PER_LIFECYCLE,
                    r.lifecyclesPerSecond() / r.naiveLifecyclesPerSecond());
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The appends of {@code count} lifecycles: {@code inFlight} of them at a time, each step of
     * those before the next step, as an engine with that many orders working would append them.
     * With {@code onePerEvent} every event is an append of its own (create and release apart).
     */
    static List<JournalBatch> lifecycles(String prefix, int count, int inFlight, boolean onePerEvent) {
        OrderManager orders = new OrderManager();
        PositionManager positions = new PositionManager();
        List<JournalBatch> appends = new ArrayList<>(count * EVENTS_PER_LIFECYCLE);
        long micros = 0;
        for (int from = 0; from < count; from += inFlight) {
            int to = Math.min(count, from + inFlight);
            int steps = onePerEvent ? EVENTS_PER_LIFECYCLE : EVENTS_PER_LIFECYCLE - 1;
            for (int step = 0; step < steps; step++) {
                for (int i = from; i < to; i++) {
                    Instant now = T0.plusNanos(1000 * ++micros);
                    appends.add(step(
                            orders,
                            positions,
                            prefix,
                            i,
                            onePerEvent ? step : stepOfCommand(step),
                            now,
                            onePerEvent || step != 0));
                }
            }
        }
        return appends;
    }

    /** Command {@code step} (create-and-release, submit, accept, fill, fill) as event step 0, 2, 3, 4, 5. */
    private static int stepOfCommand(int step) {
        return step == 0 ? 0 : step + 1;
    }

    private static JournalBatch step(
            OrderManager orders,
            PositionManager positions,
            String prefix,
            int index,
            int step,
            Instant now,
            boolean alone) {
        ClientOrderId id = ClientOrderId.of(prefix + index);
        List<OrderEvent> events = new ArrayList<>();
        List<Position> changed = new ArrayList<>();
        switch (step) {
            case 0 -> {
                events.addAll(orders.create(id, request(index), Optional.empty(), now));
                if (!alone) {
                    events.addAll(orders.release(id, now));
                }
            }
            case 1 -> events.addAll(orders.release(id, now));
            case 2 -> events.addAll(orders.markSubmitted(id, now));
            case 3 -> events.addAll(orders.accept(id, BrokerOrderId.of("B" + prefix + index), now));
            default -> {
                Fill fill = new Fill(
                        TradeId.of(prefix + index + "-" + step),
                        Quantity.of(5),
                        Price.of(step == 4 ? "1500.05" : "1499.95"),
                        Money.of("0.75"),
                        now,
                        Optional.of(LiquiditySide.TAKER));
                FillOutcome outcome = orders.applyFill(id, fill, now);
                if (!(outcome instanceof FillOutcome.Applied applied)) {
                    throw new IllegalStateException("fill not applied: " + outcome);
                }
                events.addAll(applied.events());
                Order order = applied.order();
                PositionKey key =
                        new PositionKey(order.account(), order.strategy(), order.instrument(), order.product());
                changed.add(positions.apply(key, order.side(), fill).position());
            }
        }
        return new JournalBatch(events, List.of(orders.get(id)), changed);
    }

    /** A limit buy of 10; its own strategy, so that every lifecycle opens a position of its own. */
    private static OrderRequest request(int index) {
        return OrderRequest.builder()
                .account("ACC" + (index % 4))
                .strategy("bench-" + index)
                .instrument("NSE:INFY")
                .buy()
                .type(OrderType.LIMIT)
                .quantity(10)
                .limitPrice("1500.05")
                .build();
    }
}
