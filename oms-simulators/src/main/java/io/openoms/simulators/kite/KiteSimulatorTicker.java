package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;

/**
 * Drives a {@link KiteSimulator} from a clock: each {@link #tick()} is one venue step at the clock's
 * instant (never before the venue's own time). The schedule that calls it lives in the app; this
 * class has no thread. Thread safety: as the simulator.
 */
public final class KiteSimulatorTicker {
    private final KiteSimulator simulator;
    private final Clock clock;

    public KiteSimulatorTicker(KiteSimulator simulator, Clock clock) {
        this.simulator = requireNonNull(simulator, "simulator is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public void tick() {
        Instant now = clock.instant();
        Instant venueNow = simulator.venue().now();
        simulator.step(now.isBefore(venueNow) ? venueNow : now);
    }
}
