package io.openoms.app.bench;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * <p>A lifecycle here is the rows {@code oms bench --mode postgres} makes durable per order: four
 * events (created, released, accepted, filled, with payloads of the codec's sizes), one fill and
 * one position change. The CSV is built before the clock starts, so the figure is the database's.
 */
public final class JournalLimitBenchmark {
    /** The journal rows of one lifecycle. */
    public static final int ROWS_PER_LIFECYCLE = 6;

    private static final String AT = "2026-01-05T04:00:00.123456Z";
    private static final String EVENTS = "COPY order_events (global_seq, order_id, order_seq, event_type,"
            + " payload_version, payload, occurred_at, recorded_at) FROM STDIN (FORMAT csv)";
    private static final String FILLS = "COPY fills (broker, trade_id, order_id, order_seq, global_seq, account,"
            + " strategy, instrument, side, product, quantity, price, fee, liquidity, executed_at)"
            + " FROM STDIN (FORMAT csv)";
    private static final String POSITION_CHANGES = "COPY position_changes (change_seq, global_seq, account,"
            + " strategy, instrument, product, opening_trade_id, accounting_method, side, quantity, open_cost,"
            + " realized_pnl, fees, last_mark, last_mark_at, highest_mark, lowest_mark, peak_pnl, max_drawdown,"
            + " lots, trade_ids, opened_at, closed_at, is_open) FROM STDIN (FORMAT csv)";

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
            groups.add(group(from, (int) Math.min(perCommit, first + count - from)));
        }
        return groups;
    }

    /** Appends each group in a transaction of its own. */
    private static void append(Connection connection, CopyManager copy, List<byte[][]> groups, Histogram commits)
            throws SQLException {
        for (byte[][] group : groups) {
            long started = System.nanoTime();
            try {
                copy.copyIn(EVENTS, new ByteArrayInputStream(group[0]));
                copy.copyIn(FILLS, new ByteArrayInputStream(group[1]));
                copy.copyIn(POSITION_CHANGES, new ByteArrayInputStream(group[2]));
            } catch (IOException e) {
                throw new SQLException("COPY failed", e);
            }
            connection.commit();
            commits.recordValue(System.nanoTime() - started);
        }
    }

    /** The CSV of events, fills and position changes of lifecycles {@code from}, {@code from + 1}, …. */
    private static byte[][] group(long from, int count) {
        StringBuilder events = new StringBuilder(count * 900);
        StringBuilder fills = new StringBuilder(count * 160);
        StringBuilder positions = new StringBuilder(count * 260);
        for (long n = from; n < from + count; n++) {
            String order = String.format(Locale.ROOT, "L%017d", n);
            String trade = String.format(Locale.ROOT, "T%017d", n);
            long global = n * 4 + 1;
            event(
                    events,
                    global,
                    order,
                    1,
                    "OrderCreated",
                    "{\"occurredAt\":\"" + AT + "\",\"request\":{"
                            + "\"account\":\"PAPER\",\"strategy\":\"bench\",\"instrument\":\"NSE:INFY\",\"side\":\"BUY\","
                            + "\"type\":\"MARKET\",\"quantity\":\"1\",\"timeInForce\":\"DAY\",\"product\":\"MIS\","
                            + "\"tag\":\"bench-" + n
                            + "\",\"reduceOnly\":false},\"expiresAt\":\"2026-01-05T23:59:59Z\"}");
            event(events, global + 1, order, 2, "OrderReleased", "{\"occurredAt\":\"" + AT + "\"}");
            event(
                    events,
                    global + 2,
                    order,
                    3,
                    "OrderAccepted",
                    "{\"occurredAt\":\"" + AT + "\",\"brokerOrderId\":\"" + trade + "\"}");
            event(
                    events,
                    global + 3,
                    order,
                    4,
                    "OrderFilled",
                    "{\"occurredAt\":\"" + AT + "\",\"fill\":{"
                            + "\"tradeId\":\"" + trade
                            + "\",\"quantity\":\"1\",\"price\":\"1500.05\",\"fee\":\"0.450015\","
                            + "\"executedAt\":\"" + AT + "\",\"liquidity\":\"TAKER\"}}");
            fills.append("mock,")
                    .append(trade)
                    .append(',')
                    .append(order)
                    .append(",4,")
                    .append(global + 3)
                    .append(",PAPER,bench,NSE:INFY,BUY,MIS,1,1500.05,0.450015,TAKER,")
                    .append(AT)
                    .append('\n');
            positions
                    .append(n + 1)
                    .append(',')
                    .append(global + 3)
                    .append(",PAPER,bench,NSE:INFY,MIS,")
                    .append(trade)
                    .append(",AVERAGE_COST,LONG,1,1500.05,0,0.450015,,,,,0,0,\"[]\",\"[\"\"")
                    .append(trade)
                    .append("\"\"]\",")
                    .append(AT)
                    .append(",,true\n");
        }
        return new byte[][] {
            events.toString().getBytes(StandardCharsets.UTF_8),
            fills.toString().getBytes(StandardCharsets.UTF_8),
            positions.toString().getBytes(StandardCharsets.UTF_8)
        };
    }

    private static void event(StringBuilder csv, long global, String order, int sequence, String type, String json) {
        csv.append(global)
                .append(',')
                .append(order)
                .append(',')
                .append(sequence)
                .append(',')
                .append(type)
                .append(",1,\"")
                .append(json.replace("\"", "\"\""))
                .append("\",")
                .append(AT)
                .append(',')
                .append(AT)
                .append('\n');
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }
}
