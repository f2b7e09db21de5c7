package io.openoms.app.cli;

import static java.util.Objects.requireNonNull;

import io.openoms.app.bench.EngineBenchmark;
import io.openoms.app.bench.JournalLimitBenchmark;
import io.openoms.app.bench.RestartBenchmark;
import io.openoms.app.bench.RiskBenchmark;
import io.openoms.app.config.TradingEngineConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code oms bench}: the engine benchmarks. {@code --mode memory} and {@code --mode postgres} drive
 * the real engine end to end (see {@link EngineBenchmark}); {@code --mode risk} times pre-trade
 * validation with every standard check (see {@link RiskBenchmark}); {@code --mode limit} measures what
 * the same PostgreSQL can append with raw {@code COPY}s of journal rows (see {@link
 * JournalLimitBenchmark}), then runs {@code --mode postgres} and reports its durable rate as a share of
 * that limit. Progress goes to stderr, a summary
 * table to stdout, and the last line of stdout is machine-readable: {@code mode=<m> orders=<n>
 * throughput_per_s=<x> p50_us=<a> p99_us=<b> p999_us=<c>}.
 */
@Command(
        name = "bench",
        description = {
            "Benchmark the engine: full order lifecycles (submit, accepted, filled, position) against the"
                    + " simulated venue with the journal in memory or on PostgreSQL (OMS_DB_URL, a fresh schema"
                    + " dropped afterwards), or pre-trade validation alone (--mode risk). --mode limit first"
                    + " appends raw journal rows with COPY to the same PostgreSQL, then runs --mode postgres and"
                    + " prints its rate as a share of that limit.",
            "The last line of stdout is: mode=<m> orders=<n> throughput_per_s=<x> p50_us=<a> p99_us=<b> p999_us=<c>"
        },
        mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--mode",
            defaultValue = "memory",
            description = "memory (default), postgres (journal on OMS_DB_URL), limit (raw COPY rate of journal rows"
                    + " on OMS_DB_URL, then postgres, and the ratio), restart (stores ready for the engine's restore"
                    + " with a large journal on OMS_DB_URL) or risk (validation alone)")
    String mode;

    @Option(
            names = "--restart-events",
            defaultValue = "1000000",
            description = "with --mode restart: journal events written before the restart (default ${DEFAULT-VALUE});"
                    + " a tail of a tenth as many is left unprojected")
    int restartEvents;

    @Option(
            names = "--limit-lifecycles",
            defaultValue = "100000",
            description = "with --mode limit: lifecycles of raw journal rows appended and timed (default"
                    + " ${DEFAULT-VALUE}, after a tenth as many unmeasured)")
    int limitLifecycles;

    @Option(
            names = "--limit-per-commit",
            defaultValue = "500",
            description = "with --mode limit: lifecycles per transaction, " + JournalLimitBenchmark.ROWS_PER_LIFECYCLE
                    + " rows each (default ${DEFAULT-VALUE})")
    int limitPerCommit;

    @Option(
            names = "--orders",
            defaultValue = "200000",
            description =
                    "orders (lifecycles) measured; with --mode risk, validations per round (default ${DEFAULT-VALUE})")
    int orders;

    @Option(
            names = "--rate",
            defaultValue = "0",
            description = "offered orders per second, open loop, latency from each order's intended send time;"
                    + " 0 (default) sends as fast as the engine takes them")
    int rate;

    @Option(
            names = "--warmup",
            description = "orders run first and not measured (default: as many as --orders, at most 200000;"
                    + " with --mode risk, warm-up rounds, default 5)")
    Integer warmup;

    @Option(
            names = "--window",
            defaultValue = "256",
            description = "without --rate: at most this many lifecycles outstanding (default ${DEFAULT-VALUE})")
    int window;

    @Option(
            names = "--queue-capacity",
            description = "the engine's engine.queue-capacity: submits finding this many commands queued are"
                    + " refused busy (default: its configured default)")
    Integer queueCapacity;

    @Option(
            names = "--terminal-order-retention",
            defaultValue = "10m",
            description = "the engine's engine.terminal-order-retention: how long a terminal order stays in engine"
                    + " memory, e.g. 10s, 5m (default ${DEFAULT-VALUE})")
    String terminalOrderRetention;

    private final Map<String, String> environment;

    BenchCommand(Map<String, String> environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() throws InterruptedException {
        String chosen = mode.toLowerCase(Locale.ROOT);
        if (!List.of("memory", "postgres", "limit", "restart", "risk").contains(chosen)) {
            throw usage("--mode must be memory, postgres, limit, restart or risk, got '" + mode + "'");
        }
        if (restartEvents < 8_000 || restartEvents > 50_000_000) {
            throw usage("--restart-events must be between 8000 and 50000000, got " + restartEvents);
        }
        if (limitLifecycles < 1 || limitLifecycles > 50_000_000) {
            throw usage("--limit-lifecycles must be between 1 and 50000000, got " + limitLifecycles);
        }
        if (limitPerCommit < 1 || limitPerCommit > 100_000) {
            throw usage("--limit-per-commit must be between 1 and 100000, got " + limitPerCommit);
        }
        if (orders < 1 || orders > 50_000_000) {
            throw usage("--orders must be between 1 and 50000000, got " + orders);
        }
        if (rate < 0 || rate > 10_000_000) {
            throw usage("--rate must be between 0 (as fast as possible) and 10000000 per second, got " + rate);
        }
        if (warmup != null && (warmup < 0 || warmup > 50_000_000)) {
            throw usage("--warmup must be between 0 and 50000000, got " + warmup);
        }
        if (window < 1 || window > 1_000_000) {
            throw usage("--window must be between 1 and 1000000, got " + window);
        }
        int capacity = queueCapacity != null ? queueCapacity : TradingEngineConfig.DEFAULT.queueCapacity();
        if (capacity < 1 || capacity > 1 << 20) {
            throw usage("--queue-capacity must be between 1 and 1048576, got " + capacity);
        }
        Duration retention;
        try {
            retention = Duration.parse("PT" + terminalOrderRetention.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw usage("--terminal-order-retention must be a duration such as 10s or 5m, got '"
                    + terminalOrderRetention + "'");
        }
        if (retention.compareTo(Duration.ofSeconds(1)) < 0) {
            throw usage("--terminal-order-retention must be at least 1s, got '" + terminalOrderRetention + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (chosen.equals("risk")) {
            return risk(out, err);
        }
        Optional<String> url =
                Optional.ofNullable(environment.get("OMS_DB_URL")).filter(value -> !value.isBlank());
        if (!chosen.equals("memory") && url.isEmpty()) {
            throw usage("--mode " + chosen + " needs OMS_DB_URL (jdbc:postgresql://host:5432/db), with OMS_DB_USER and"
                    + " OMS_DB_PASSWORD as needed");
        }
        if (chosen.equals("restart")) {
            return restart(out, err, url.orElseThrow());
        }
        Optional<JournalLimitBenchmark.Result> limit = Optional.empty();
        if (chosen.equals("limit")) {
            limit = Optional.of(limit(out, err, url.orElseThrow()));
        }
        EngineBenchmark.Options options = new EngineBenchmark.Options(
                chosen.equals("memory") ? EngineBenchmark.Mode.MEMORY : EngineBenchmark.Mode.POSTGRES,
                orders,
                rate,
                warmup != null ? warmup : Math.min(orders, 200_000),
                window,
                capacity,
                url,
                environment.getOrDefault("OMS_DB_USER", "postgres"),
                environment.getOrDefault("OMS_DB_PASSWORD", ""),
                retention);
        err.printf(
                "oms bench: %s mode, %,d orders after %,d warm-up, %s, queue capacity %,d; %d cores, java %s%n",
                chosen.equals("limit") ? "postgres" : chosen,
                orders,
                options.warmup(),
                rate > 0 ? String.format("%,d/s offered (open loop)", rate) : "as fast as possible",
                capacity,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        err.flush();
        EngineBenchmark.Result result = new EngineBenchmark(err).run(options);
        err.flush();
        Histogram latency = result.latency();
        Histogram lifecycle = result.lifecycleLatency();
        out.printf("%-34s %s%n", "mode", chosen);
        out.printf("%-34s %,d%n", "orders measured", result.orders());
        out.printf("%-34s %,d%n", "lifecycles completed (filled)", result.completed());
        out.printf("%-34s %,d%n", "refused busy (ENGINE_BUSY)", result.busy());
        out.printf("%-34s %,d%n", "refused otherwise or not filled", result.failed());
        out.printf("%-34s %.3f%n", "elapsed s", result.elapsedSeconds());
        out.printf("%-34s %s%n", "offered rate /s", rate > 0 ? String.format("%,d", rate) : "max");
        out.printf("%-34s %,.0f%n", "throughput lifecycles/s", result.throughputPerSecond());
        out.printf("%-34s %s%n", "latency measured", result.latencyLabel());
        row(out, "  latency", latency);
        row(out, "  full lifecycle (to FILLED)", lifecycle);
        out.printf("%-34s %,d%n", "engine thread CPU ns/lifecycle", result.engineCpuNanosPerLifecycle());
        out.printf("%-34s %,d%n", "engine thread bytes/lifecycle", result.engineBytesPerLifecycle());
        out.printf("%-34s %,d%n", "all threads bytes/lifecycle", result.totalBytesPerLifecycle());
        String line = machineLine(
                chosen,
                result.orders(),
                result.throughputPerSecond(),
                latency.getValueAtPercentile(50),
                latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9));
        if (limit.isPresent()) {
            double ratio = result.throughputPerSecond() / limit.get().lifecyclesPerSecond();
            out.printf(
                    "%-34s %.1f%% (%,.0f of %,.0f lifecycles/s)%n",
                    "durable rate / limit",
                    ratio * 100,
                    result.throughputPerSecond(),
                    limit.get().lifecyclesPerSecond());
            line += String.format(
                    Locale.ROOT, " limit_per_s=%.0f ratio=%.3f", limit.get().lifecyclesPerSecond(), ratio);
        }
        out.println(line);
        out.flush();
        return result.completed() + result.failed() + result.busy() >= result.orders() ? 0 : Cli.FAILED;
    }

    private JournalLimitBenchmark.Result limit(PrintWriter out, PrintWriter err, String url) {
        err.printf(
                "oms bench: limit mode, %,d lifecycles of raw journal rows (%d rows each) by COPY, %,d per commit%n",
                limitLifecycles, JournalLimitBenchmark.ROWS_PER_LIFECYCLE, limitPerCommit);
        err.flush();
        JournalLimitBenchmark.Result result = new JournalLimitBenchmark(err)
                .run(
                        url,
                        environment.getOrDefault("OMS_DB_USER", "postgres"),
                        environment.getOrDefault("OMS_DB_PASSWORD", ""),
                        limitLifecycles,
                        Math.max(1, limitLifecycles / 10),
                        limitPerCommit);
        out.printf("%-34s %s%n", "limit", "raw COPY of journal rows, one connection");
        out.printf("%-34s %s / %s%n", "synchronous_commit / fsync", result.synchronousCommit(), result.fsync());
        out.printf(
                "%-34s %,d x %d rows%n",
                "lifecycles appended", result.lifecycles(), JournalLimitBenchmark.ROWS_PER_LIFECYCLE);
        out.printf("%-34s %,d%n", "lifecycles per commit", result.perCommit());
        out.printf("%-34s %.3f%n", "elapsed s", result.elapsedSeconds());
        out.printf("%-34s %,.0f%n", "limit lifecycles/s", result.lifecyclesPerSecond());
        out.printf("%-34s %,.0f%n", "limit rows/s", result.rowsPerSecond());
        row(out, "  commit (COPYs + COMMIT)", result.commitNanos());
        out.flush();
        return result;
    }

    private int restart(PrintWriter out, PrintWriter err, String url) {
        err.printf("oms bench: restart mode, %,d journal events%n", restartEvents);
        err.flush();
        RestartBenchmark.Result result = new RestartBenchmark(err)
                .run(
                        url,
                        environment.getOrDefault("OMS_DB_USER", "postgres"),
                        environment.getOrDefault("OMS_DB_PASSWORD", ""),
                        restartEvents,
                        restartEvents / 10,
                        1_000);
        out.printf("%-34s %,d (+ a tail of %,d)%n", "journal events", result.events(), result.tailEvents());
        out.printf("%-34s %.2f%n", "append by COPY s", result.appendSeconds());
        out.printf("%-34s %.2f%n", "first open, whole journal s", result.fullProjectionSeconds());
        out.printf("%-34s %.2f%n", "restart: open, tail projected s", result.tailSeconds());
        out.printf("%-34s %.2f%n", "restart: + restore reads s", result.restartSeconds());
        out.printf("%-34s %,d open orders, %,d positions%n", "restore read", result.openOrders(), result.positions());
        out.println(String.format(
                Locale.ROOT,
                "mode=restart events=%d tail_events=%d full_projection_s=%.2f tail_s=%.2f restart_s=%.2f",
                result.events(),
                result.tailEvents(),
                result.fullProjectionSeconds(),
                result.tailSeconds(),
                result.restartSeconds()));
        out.flush();
        return 0;
    }

    private int risk(PrintWriter out, PrintWriter err) {
        int warmupRounds = warmup != null ? Math.max(1, Math.min(warmup, 1_000)) : 5;
        err.printf(
                "oms bench: risk mode, %,d validations per round, %d warm-up rounds, 10 timed rounds%n",
                orders, warmupRounds);
        err.flush();
        RiskBenchmark.Result result = new RiskBenchmark(err).run(orders, warmupRounds, 10);
        err.flush();
        double average = result.median();
        Histogram perCall = result.perCall();
        out.printf("%-34s %s%n", "mode", "risk (all standard checks, plain measured loop)");
        out.printf("%-34s %,d x 10 rounds%n", "validations", result.iterations());
        out.printf("%-34s %,.0f%n", "average ns/validation (median round)", average);
        out.printf("%-34s %,.0f%n", "validations/s (one thread)", 1e9 / average);
        row(out, "  per call (timed singly)", perCall);
        out.printf("%-34s %,d%n", "bytes allocated/validation", result.bytesPerValidation());
        out.println(machineLine(
                "risk",
                result.iterations(),
                1e9 / average,
                perCall.getValueAtPercentile(50),
                perCall.getValueAtPercentile(99),
                perCall.getValueAtPercentile(99.9)));
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, String label, Histogram nanos) {
        out.printf(
                "%-34s p50 %s  p99 %s  p99.9 %s  max %s (us)%n",
                label,
                micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(99)),
                micros(nanos.getValueAtPercentile(99.9)),
                micros(nanos.getMaxValue()));
    }

    static String machineLine(String mode, long orders, double throughput, long p50, long p99, long p999) {
        return String.format(
                Locale.ROOT,
                "mode=%s orders=%d throughput_per_s=%.0f p50_us=%s p99_us=%s p999_us=%s",
                mode,
                orders,
                throughput,
                micros(p50),
                micros(p99),
                micros(p999));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1_000.0);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
