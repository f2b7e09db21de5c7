package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code oms bench --mode limit}: what this PostgreSQL can append, measured with the journal's own
 * tables (a fresh schema migrated by the same changelog, dropped at the end) and nothing of
 * OpenOMS in the way: one connection, the rows of {@code perCommit} lifecycles per transaction, each
 * table one {@code COPY … FROM STDIN (FORMAT csv)}, {@code synchronous_commit} as the server has it.
 *
 * <p>A lifecycle here is the rows {@code oms bench --mode postgres} makes durable per order (see
 * {@link JournalRows}). The CSV is built before the clock starts, so the figure is the database's.
 */
public final class JournalLimitBenchmark {
    /** The journal rows of one lifecycle. */
    public static final int ROWS_PER_LIFECYCLE = JournalRows.ROWS_PER_LIFECYCLE;

    private final PrintWriter progress;

    public JournalLimitBenchmark(PrintWriter progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The measured phase; {@code commitNanos} is each transaction from its first COPY to its commit. */
    public record Result(
            long lifecycles,
            int perCommit,
            double elapsedSeconds,
            double lifecyclesPerSecond,
            Histogram commitNanos,
            String synchronousCommit,
            String fsync) {
        public double rowsPerSecond() {
            return lifecyclesPerSecond * ROWS_PER_LIFECYCLE;
        }
    }

    /** Appends {@code warmup} then {@code lifecycles} lifecycles, {@code perCommit} per transaction. */
    public Result run(String url, String user, String password, int lifecycles, int warmup, int perCommit) {
        requireNonNull(url, "url is null");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("OMS_DB_URL must start with jdbc:postgresql: for --mode limit");
        }
        if (lifecycles < 1 || warmup < 0 || perCommit < 1) {
            throw new IllegalArgumentException("lifecycles and perCommit must be positive, warmup not negative");
        }
        String schema = "openoms_limit_" + UUID.randomUUID().toString().substring(0, 8);
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute(url, user, password, "CREATE SCHEMA " + schema);
        progress.printf("limit: schema %s (dropped at the end), %,d lifecycles per commit%n", schema, perCommit);
        progress.flush();
        try {
            Persistence.migrate(PersistenceConfig.server(schemaUrl, user, password));
            try (Connection connection = DriverManager.getConnection(schemaUrl, user, password)) {
                connection.setAutoCommit(false);
                String synchronousCommit = show(connection, "synchronous_commit");
                String fsync = show(connection, "fsync");
                connection.commit();
                if (!"on".equals(synchronousCommit) || !"on".equals(fsync)) {
                    progress.printf(
                            "WARNING: synchronous_commit=%s fsync=%s: commits are not durable%n",
                            synchronousCommit, fsync);
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                append(connection, copy, groups(0, warmup, perCommit), new Histogram(3));
                List<byte[][]> measured = groups(warmup, lifecycles, perCommit);
                Histogram commits = new Histogram(3);
                long start = System.nanoTime();
                append(connection, copy, measured, commits);
                double seconds = (System.nanoTime() - start) / 1e9;
                return new Result(
                        lifecycles, perCommit, seconds, lifecycles / seconds, commits, synchronousCommit, fsync);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        } finally {
            try {
                execute(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                progress.printf("could not drop schema %s: %s%n", schema, e.getMessage());
            }
        }
    }

    /** The CSV of {@code count} lifecycles numbered from {@code first}, {@code perCommit} per group. */
    private static List<byte[][]> groups(long first, int count, int perCommit) {
        List<byte[][]> groups = new ArrayList<>();
        for (long from = first; from < first + count; from += perCommit) {
            groups.add(JournalRows.group(from, (int) Math.min(perCommit, first + count - from), Long.MAX_VALUE));
        }
        return groups;
    }

    /** Appends each group in a transaction of its own. */
    private static void append(Connection connection, CopyManager copy, List<byte[][]> groups, Histogram commits)
            throws SQLException {
        for (byte[][] group : groups) {
            long started = System.nanoTime();
            JournalRows.copy(copy, group);
            connection.commit();
            commits.recordValue(System.nanoTime() - started);
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
