package io.openoms.adapters.persistence;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a read; a lost or unreachable database surfaces as "database unavailable: …" without secrets.
 * A read that failed on a connection the database had dropped (killed, restarted) is tried again on
 * a fresh one, since the pool evicts a broken connection only when it is used: reads are safe to
 * repeat. A pool timeout is not retried (it already waited {@code connectionTimeout}).
 */
final class Reads {
    /**
     * Attempts of one read: every pooled connection can be dead after a database restart (the journal
     * writer, the projector and readers each keep some), and each failed use evicts one; so one more
     * than the largest pool ({@code poolSize} ≤ 100) always reaches a fresh connection. A database that
     * is really down ends the loop at once through the pool's timeout.
     */
    private static final int ATTEMPTS = 101;

    private Reads() {}

    static <T> T withHandle(Jdbi jdbi, HandleCallback<T, RuntimeException> callback) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.withHandle(callback);
            } catch (JdbiException e) {
                if (!DatabaseErrors.isUnavailable(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS || DatabaseErrors.isPoolTimeout(e)) {
                    throw new DatabaseUnavailableException("database unavailable: " + DatabaseErrors.describe(e), e);
                }
            }
        }
    }
}
