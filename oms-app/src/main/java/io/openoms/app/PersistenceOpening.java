package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.adapters.persistence.Persistence;
import io.openoms.adapters.persistence.PersistenceConfig;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Opens persistence once and remembers the outcome, a failure included. Guice provisions a singleton
 * that failed again for every binding that needs it, so with the database down start-up would wait
 * one connection timeout per dependant (minutes) before giving up; the first failure is rethrown
 * instead. Bound as a singleton by {@link PersistenceModule}. Thread safety: safe from any thread.
 */
final class PersistenceOpening {
    private final PersistenceConfig config;
    private final Clock clock;
    private Persistence opened;
    private RuntimeException failure;

    @Inject
    PersistenceOpening(PersistenceConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    synchronized Persistence open() {
        if (failure != null) {
            throw failure;
        }
        if (opened == null) {
            try {
                opened = Persistence.open(config, clock);
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return opened;
    }
}
