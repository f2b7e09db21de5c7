package io.openoms.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RuntimeStatusTest {
    @Test
    void the_engine_counts_as_running_only_while_its_thread_takes_commands() {
        RuntimeStatus status = new RuntimeStatus();
        AtomicBoolean threadRunning = new AtomicBoolean(true);
        assertThat(status.engineRunning()).isFalse();

        status.engineStarted(Instant.parse("2026-11-21T04:00:00Z"), threadRunning::get);
        assertThat(status.engineRunning()).isTrue();

        threadRunning.set(false);
        assertThat(status.engineRunning()).isFalse();
        assertThat(status.recoveredAt()).isPresent();
    }
}
