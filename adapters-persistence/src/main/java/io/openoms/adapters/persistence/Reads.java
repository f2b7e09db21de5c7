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
    /** Attempts of one read: a pool holds at most a few idle connections that can all be dead. */
    private static final int ATTEMPTS = 3;

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
