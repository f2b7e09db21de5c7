package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;

/**
 * Drives a venue from a clock: each {@link #tick()} is one venue step at the clock's instant. The
 * schedule that calls it lives in the app; this class has no thread. A clock that steps back (a wall
 * clock adjusted) steps the venue at its own current time instead. Thread safety: as the venue.
 */
public final class VenueTicker {
    private final SimulatedVenue venue;
    private final Clock clock;

    public VenueTicker(SimulatedVenue venue, Clock clock) {
        this.venue = requireNonNull(venue, "venue is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** One venue step at the clock's now (never before the venue's own time). */
    public void tick() {
        Instant now = clock.instant();
        Instant venueNow = venue.now();
        venue.step(now.isBefore(venueNow) ? venueNow : now);
    }
}
