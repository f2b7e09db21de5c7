package io.openoms.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.regex.Pattern;

/** Tells a lost or unreachable database from a refused statement, and words errors without secrets. */
final class DatabaseErrors {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password\\s*[=:]\\s*)\\S+");

    private DatabaseErrors() {}

    /**
     * True when {@code failure} means the database could not be reached or the connection was lost
     * (SQLSTATE class 08, an administrator shutdown 57P01–57P03, a pool timeout), as opposed to a
     * statement the database refused.
     */
    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True when {@code failure} is the pool giving up waiting for a connection (the database is unreachable). */
    static boolean isPoolTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** True when {@code failure} is a unique or primary-key violation (SQLSTATE 23505 on both databases). */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The most specific message in {@code failure}'s chain, with anything like a password masked. */
    static String describe(Throwable failure) {
        Throwable deepest = failure;
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                deepest = t;
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (message == null) {
            message = deepest.getClass().getSimpleName();
        }
        return PASSWORD.matcher(message.strip()).replaceAll("$1***");
    }
}
