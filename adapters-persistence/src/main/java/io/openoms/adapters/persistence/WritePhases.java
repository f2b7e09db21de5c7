package io.openoms.adapters.persistence;

/**
 * How long each phase of one group transaction took, in nanoseconds: events (with the test hook),
 * fills, orders, positions, then the commit itself. For the benchmark; the writer thread fills it in.
 */
final class WritePhases {
    private long started;
    private long last;
    private long events;
    private long fills;
    private long orders;
    private long positions;
    private long commit;

    void start() {
        started = System.nanoTime();
        last = started;
        events = 0;
        fills = 0;
        orders = 0;
        positions = 0;
        commit = 0;
    }

    void eventsWritten() {
        events = lap();
    }

    void fillsWritten() {
        fills = lap();
    }

    void ordersWritten() {
        orders = lap();
    }

    void positionsWritten() {
        positions = lap();
    }

    void committed() {
        commit = lap();
    }

    long eventsNanos() {
        return events;
    }

    long fillsNanos() {
        return fills;
    }

    long ordersNanos() {
        return orders;
    }

    long positionsNanos() {
        return positions;
    }

    long commitNanos() {
        return commit;
    }

    /** From {@link #start()} to the end of the last phase reached. */
    long totalNanos() {
        return last - started;
    }

    private long lap() {
        long now = System.nanoTime();
        long elapsed = now - last;
        last = now;
        return elapsed;
    }
}
