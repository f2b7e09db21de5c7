package io.openoms.adapters.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;

/**
 * Rows appended to one table in the caller's transaction. On PostgreSQL they are streamed by one
 * {@code COPY … FROM STDIN (FORMAT csv)}, which costs the server a fraction of an {@code INSERT}'s
 * parsing and planning per row; on H2 they are one JDBC batch. Either way unique keys refuse a
 * duplicate: the statement fails and the transaction with it.
 *
 * <p>Values are {@code null}, {@link String}, {@link Number}, {@link Boolean} or {@link Instant}.
 */
final class AppendRows {
    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    AppendRows(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + table + " has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    /** Appends the rows; nothing is sent when there are none. */
    void insert(Handle handle, boolean postgres) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            copy(handle);
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        PreparedBatch batch = handle.prepareBatch(sql);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Instant instant) {
                    batch.bind(i, Sql.timestamp(instant));
                } else {
                    batch.bind(i, row[i]);
                }
            }
            batch.add();
        }
        batch.execute();
    }

    private void copy(Handle handle) {
        StringBuilder csv = new StringBuilder(rows.size() * 128);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] != null) { // an unquoted empty field is NULL in CSV format
                    quote(csv, text(row[i]));
                }
            }
            csv.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        try {
            handle.getConnection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            // The cause keeps its SQL state, so DatabaseErrors still tells a lost database or a duplicate.
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }

    private static void quote(StringBuilder csv, String text) {
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }

    /** Decimals without exponent and instants in ISO-8601 UTC, which PostgreSQL reads back exactly. */
    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
