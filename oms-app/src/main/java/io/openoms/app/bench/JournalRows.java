package io.openoms.app.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.copy.CopyManager;

/**
 * Journal rows as {@code oms bench --mode postgres} makes them durable, as CSV for {@code COPY}:
 * per lifecycle four events (created, released, accepted, filled; payloads in the codec's format and
 * sizes), one fill and one position change (even lifecycles buy and open a position, odd ones sell
 * and close it). Lifecycles from {@code openFrom} on stop at accepted: open orders, no fill.
 */
final class JournalRows {
    /** The journal rows of one filled lifecycle. */
    static final int ROWS_PER_LIFECYCLE = 6;

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

    private JournalRows() {}

    /** The CSV of events, fills and position changes of lifecycles {@code from}, {@code from + 1}, …. */
    static byte[][] group(long from, int count, long openFrom) {
        StringBuilder events = new StringBuilder(count * 900);
        StringBuilder fills = new StringBuilder(count * 160);
        StringBuilder positions = new StringBuilder(count * 260);
        for (long n = from; n < from + count; n++) {
            String order = id("L", n);
            String trade = id("T", n);
            String side = n % 2 == 0 ? "BUY" : "SELL";
            long global = n * 4 + 1;
            event(
                    events,
                    global,
                    order,
                    1,
                    "OrderCreated",
                    "{\"occurredAt\":\"" + AT + "\",\"request\":{"
                            + "\"account\":\"PAPER\",\"strategy\":\"bench\",\"instrument\":\"NSE:INFY\",\"side\":\""
                            + side
                            + "\",\"type\":\"MARKET\",\"quantity\":\"1\",\"timeInForce\":\"DAY\",\"product\":\"MIS\","
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
            if (n >= openFrom) {
                continue;
            }
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
                    .append(",PAPER,bench,NSE:INFY,")
                    .append(side)
                    .append(",MIS,1,1500.05,0.450015,TAKER,")
                    .append(AT)
                    .append('\n');
            positions.append(n + 1).append(',').append(global + 3).append(",PAPER,bench,NSE:INFY,MIS,");
            if (n % 2 == 0) {
                positions
                        .append(trade)
                        .append(",AVERAGE_COST,LONG,1,1500.05,0,0.450015,,,,,0,0,\"[]\",\"[\"\"")
                        .append(trade)
                        .append("\"\"]\",")
                        .append(AT)
                        .append(",,true\n");
            } else {
                String opening = id("T", n - 1);
                positions
                        .append(opening)
                        .append(",AVERAGE_COST,FLAT,0,0,-0.90003,0.90003,,,,,0,0.90003,\"[]\",")
                        .append("\"[\"\"")
                        .append(opening)
                        .append("\"\",\"\"")
                        .append(trade)
                        .append("\"\"]\",")
                        .append(AT)
                        .append(',')
                        .append(AT)
                        .append(",false\n");
            }
        }
        return new byte[][] {
            events.toString().getBytes(StandardCharsets.UTF_8),
            fills.toString().getBytes(StandardCharsets.UTF_8),
            positions.toString().getBytes(StandardCharsets.UTF_8)
        };
    }

    /** Copies one group's rows, in the caller's transaction. */
    static void copy(CopyManager copy, byte[][] group) throws SQLException {
        try {
            copy.copyIn(EVENTS, new ByteArrayInputStream(group[0]));
            copy.copyIn(FILLS, new ByteArrayInputStream(group[1]));
            copy.copyIn(POSITION_CHANGES, new ByteArrayInputStream(group[2]));
        } catch (IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    private static String id(String prefix, long n) {
        return String.format(Locale.ROOT, "%s%017d", prefix, n);
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
}
