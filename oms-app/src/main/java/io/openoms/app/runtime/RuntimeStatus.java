package io.openoms.app.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the runtime has done so far, for health checks and metrics: written by {@link OmsRuntime},
 * read from any thread.
 */
public final class RuntimeStatus {
    /** The runtime's phases, in order. */
    public enum Phase {
        NEW,
        STARTING,
        RUNNING,
        STOPPING,
        STOPPED,
        FAILED
    }

    private volatile Phase phase = Phase.NEW;
    private volatile Instant recoveredAt;
    private volatile boolean engineRunning;
    private volatile BooleanSupplier engineThreadRunning = () -> false;
    private volatile List<ScheduledLoop> loops = List.of();

    public Phase phase() {
        return phase;
    }

    /** Started and not stopped, and its thread still taking commands (it may die of a failure). */
    public boolean engineRunning() {
        return engineRunning && engineThreadRunning.getAsBoolean();
    }

    /** When the engine finished restoring orders, positions and limits from the store. */
    public Optional<Instant> recoveredAt() {
        return Optional.ofNullable(recoveredAt);
    }

    public List<ScheduledLoop> loops() {
        return loops;
    }

    public Optional<ScheduledLoop> loop(String name) {
        return loops.stream().filter(loop -> loop.name().equals(name)).findFirst();
    }

    void phase(Phase newPhase) {
        this.phase = newPhase;
    }

    void engineStarted(Instant at, BooleanSupplier threadRunning) {
        this.engineThreadRunning = threadRunning;
        this.recoveredAt = at;
        this.engineRunning = true;
    }

    void engineStopped() {
        this.engineRunning = false;
    }

    void loops(List<ScheduledLoop> newLoops) {
        this.loops = List.copyOf(newLoops);
    }
}
