package io.openoms.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScheduledLoopTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-06T04:00:00Z"), ZoneOffset.UTC);

    @Test
    void one_run_calls_the_body_once_and_records_its_success() {
        AtomicInteger runs = new AtomicInteger();
        ScheduledLoop loop =
                new ScheduledLoop(ScheduledTask.every("t", Duration.ofSeconds(1), runs::incrementAndGet), CLOCK);

        assertThat(loop.lastSuccess()).isEmpty();
        assertThat(loop.runOnce()).isTrue();

        assertThat(runs).hasValue(1);
        assertThat(loop.lastSuccess()).contains(CLOCK.instant());
        assertThat(loop.failures()).isZero();
    }

    @Test
    void a_failing_body_is_counted_and_never_thrown() {
        ScheduledLoop loop = new ScheduledLoop(
                ScheduledTask.every("t", Duration.ofSeconds(1), () -> {
                    throw new IllegalStateException("broker unreachable");
                }),
                CLOCK);

        assertThat(loop.runOnce()).isFalse();
        assertThat(loop.runOnce()).isFalse();

        assertThat(loop.failures()).isEqualTo(2);
        assertThat(loop.lastSuccess()).isEmpty();
    }

    @Test
    void a_started_loop_keeps_running_after_a_failure_and_stops_cleanly() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        ScheduledLoop loop = new ScheduledLoop(
                ScheduledTask.every("t", Duration.ofMillis(10), () -> {
                    thirdRun.countDown();
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("first run fails");
                    }
                }),
                CLOCK);

        loop.start();
        boolean ranThrice = thirdRun.await(10, TimeUnit.SECONDS);
        boolean stopped = loop.stop(5_000);

        assertThat(ranThrice).isTrue();
        assertThat(stopped).isTrue();
        assertThat(loop.failures()).isEqualTo(1);
        assertThat(loop.lastSuccess()).isPresent();
        int afterStop = runs.get();
        assertThat(loop.stop(5_000)).isTrue();
        assertThat(runs.get()).isEqualTo(afterStop);
    }

    @Test
    void stopping_a_loop_that_never_started_is_a_no_op() {
        ScheduledLoop loop = new ScheduledLoop(ScheduledTask.every("t", Duration.ofSeconds(1), () -> {}), CLOCK);

        assertThat(loop.stop(1_000)).isTrue();
    }

    @Test
    void a_task_for_start_up_is_marked_so() {
        ScheduledTask task = ScheduledTask.every(ScheduledTask.RECONCILIATION, Duration.ofSeconds(30), () -> {});

        assertThat(task.runAtStartup()).isFalse();
        assertThat(task.alsoAtStartup().runAtStartup()).isTrue();
    }
}
