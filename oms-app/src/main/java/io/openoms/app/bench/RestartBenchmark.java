package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code oms bench --mode restart}: how long the stores take to be ready for the engine's restore
 * with a large journal. In a fresh schema it appends {@code events} journal events by COPY (the rows
 * of {@link JournalRows}: filled lifecycles, the last {@code openOrders} left open), then times
 *
 * <ol>
 *   <li>the first open: the projector applies the whole journal (the worst case, e.g. after the
 *       upgrade from a schema without projections — not a normal restart);
 *   <li>a restart after a crash that left a tail of {@code tailEvents} events unprojected: open (the
 *       projector applies the tail) plus the reads the engine's restore makes, open orders and every
 *       position.
 * </ol>
 */
public final class RestartBenchmark {
    private static final int LIFECYCLES_PER_COMMIT = 5_000;

    private final PrintWriter progress;

    public RestartBenchmark(PrintWriter progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** Seconds of each phase and what the restore read. */
    public record Result(
            long events,
            long tailEvents,
            double appendSeconds,
            double fullProjectionSeconds,
            double tailSeconds,
            double restartSeconds,
            int openOrders,
            int positions) {}

    public Result run(String url, String user, String password, int events, int tailEvents, int openOrders) {
        requireNonNull(url, "url is null");
        String schema = "openoms_restart_" + UUID.randomUUID().toString().substring(0, 8);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        PersistenceConfig config = PersistenceConfig.server(schemaUrl, user, password);
        JournalLimitBenchmark.execute(url, user, password, "CREATE SCHEMA " + schema);
        progress.printf("restart: schema %s (dropped at the end)%n", schema);
        progress.flush();
        try {
            Persistence.migrate(config);
            int lifecycles = events / 8 * 2; // even: every position opened is closed
            long start = System.nanoTime();
            append(schemaUrl, user, password, 0, lifecycles, lifecycles - openOrders / 2 * 2);
            double appendSeconds = seconds(start);
            progress.printf("appended %,d events in %.1f s; projecting them all%n", lifecycles * 4L, appendSeconds);
            progress.flush();

            start = System.nanoTime();
            Persistence.open(config, Clock.systemUTC()).close();
            double full = seconds(start);

            int tail = tailEvents / 8 * 2;
            append(schemaUrl, user, password, lifecycles, tail, Long.MAX_VALUE);
            progress.printf("appended a tail of %,d events, not projected: restarting%n", tail * 4L);
            progress.flush();
            start = System.nanoTime();
            int open;
            int positions;
            double tailSeconds;
            try (Persistence persistence = Persistence.open(config, Clock.systemUTC())) {
                tailSeconds = seconds(start);
                open = persistence.orderStore().findOpenOrders().size();
                positions = persistence.positionStore().findPositions(true).size();
            }
            double restart = seconds(start);
            return new Result(lifecycles * 4L, tail * 4L, appendSeconds, full, tailSeconds, restart, open, positions);
        } finally {
            try {
                JournalLimitBenchmark.execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                progress.printf("could not drop schema %s: %s%n", schema, e.getMessage());
            }
        }
    }

    private static void append(String url, String user, String password, long first, int count, long openFrom) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (long from = first; from < first + count; from += LIFECYCLES_PER_COMMIT) {
                int n = (int) Math.min(LIFECYCLES_PER_COMMIT, first + count - from);
                JournalRows.copy(copy, JournalRows.group(from, n, openFrom));
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
