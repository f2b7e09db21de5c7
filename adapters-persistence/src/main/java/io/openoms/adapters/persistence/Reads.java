package io.openoms.adapters.persistence;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** Runs a read; a lost or unreachable database surfaces as "database unavailable: …" without secrets. */
final class Reads {
    private Reads() {}

    static <T> T withHandle(Jdbi jdbi, HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException e) {
            if (DatabaseErrors.isUnavailable(e)) {
                throw new DatabaseUnavailableException("database unavailable: " + DatabaseErrors.describe(e), e);
            }
            throw e;
        }
    }
}
