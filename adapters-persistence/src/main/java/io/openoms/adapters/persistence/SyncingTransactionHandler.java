package io.openoms.adapters.persistence;

import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionException;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * For H2: after each commit, forces the database file to the device ({@code CHECKPOINT SYNC}, an
 * fsync) before the commit returns. With {@code WRITE_DELAY=0} H2 writes a commit to the file but
 * never fsyncs it, so it survives the process dying but not the machine losing power; PostgreSQL
 * fsyncs its WAL on commit by itself and does not get this handler.
 *
 * <p>A sync that fails after the commit succeeded is reported as a failed commit: the same "stored but
 * reported failed" case as a PostgreSQL connection lost after its commit (docs/operations.md).
 */
final class SyncingTransactionHandler extends DelegatingTransactionHandler {
    SyncingTransactionHandler(TransactionHandler delegate) {
        super(delegate);
    }

    @Override
    public void commit(Handle handle) {
        super.commit(handle);
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new TransactionException(
                    "committed, but forcing the H2 file to disk failed (CHECKPOINT SYNC needs an H2 admin user)", e);
        }
    }
}
