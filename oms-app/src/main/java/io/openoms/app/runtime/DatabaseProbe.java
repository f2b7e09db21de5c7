package io.openoms.app.runtime;

/** One cheap round trip to the database, for readiness; throws when the database cannot be reached. */
@FunctionalInterface
public interface DatabaseProbe {
    void check();
}
