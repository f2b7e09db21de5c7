package io.openoms.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test: the packaged jar as a child process under load through REST, killed with SIGKILL at a
 * random moment, restarted on the same store, for several rounds. After each restart every 2xx the app
 * gave must be in the store, ids unique, fills and positions consistent, and a retried submit must return
 * the stored order. Seeded ({@code -Doms.crash.seed=N} repeats a run's requests; the kill timing still
 * varies); the seed is in every failure message.
 */
abstract class CrashRecoverySuite {
    private static final String ADMIN_KEY = "crash-test-admin-key-0123456789";
    private static final int THREADS = 4;
    private static final int MIN_ROUNDS = 3;
    private static final int MAX_ROUNDS = 6;
    /** New rounds start only within this budget, which keeps one store's run near two minutes. */
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(75);

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration ORDER_MONITOR = Duration.ofMillis(250);
    private static final Duration UNKNOWN_GRACE_WINDOW = Duration.ofSeconds(2);
    private static final int UNKNOWN_MISSES = 2;
    private static final Duration RECONCILIATION = Duration.ofSeconds(2);
    /** The longest an order may wait for its decision after a restart under the windows configured here. */
    private static final Duration DECISION_WITHIN = UNKNOWN_GRACE_WINDOW
            .plus(ORDER_MONITOR.multipliedBy(UNKNOWN_MISSES + 2))
            .plus(RECONCILIATION)
            .plusSeconds(5);

    /** Every order reaches a decision (a terminal state) within {@link #DECISION_WITHIN} of the last restart. */
    private static final boolean DECISIONS_ENFORCED = true;

    abstract TestDatabase.Kind database();

    @Test
    void every_acknowledged_order_and_change_survives_kill_minus_9(@TempDir Path data) throws IOException {
        long seed = Long.getLong("oms.crash.seed", new Random().nextLong());
        System.out.println("crash test on " + database() + ": seed " + seed + " (-Doms.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        int port = OmsProcess.freePort();
        Path config = data.resolve("oms.yaml");
        Files.writeString(config, yaml(data, port, seed));
        Path log = data.resolve("oms.log");
        ApiClient client = new ApiClient(port);
        CrashLedger ledger = new CrashLedger();
        CrashChecks checks = new CrashChecks(client, ADMIN_KEY, ledger);
        List<Long> restartMillis = new ArrayList<>();
        List<String> undecided = List.of();
        Instant restarted = Instant.now();
        int rounds = 0;
        String context = "seed " + seed + ", store " + database() + ", log " + log;

        try (TestDatabase store =
                database() == TestDatabase.Kind.EMBEDDED ? TestDatabase.embedded(data) : TestDatabase.postgres()) {
            OmsProcess app = OmsProcess.start(config, store.environment(), log);
            app.awaitReady(client, READY_WITHIN);
            long began = System.nanoTime();
            try {
                Set<String> checkedRetries = new HashSet<>();
                while (rounds < MIN_ROUNDS
                        || (rounds < MAX_ROUNDS && System.nanoTime() - began < ROUND_BUDGET.toNanos())) {
                    rounds++;
                    CrashLoad load = new CrashLoad(client, ADMIN_KEY, ledger);
                    List<Thread> threads = load.start(rounds, THREADS, seed);
                    // Kill somewhere in the load, never at its very start.
                    LockSupport.parkNanos(
                            Duration.ofMillis(300 + random.nextInt(1700)).toNanos());
                    app.kill();
                    load.stop();
                    join(threads);

                    restarted = Instant.now();
                    app = OmsProcess.start(config, store.environment(), log);
                    restartMillis.add(app.awaitReady(client, READY_WITHIN).toMillis());
                    checks.check(rounds);
                    Set<String> fresh = new HashSet<>(ledger.submits().keySet());
                    fresh.removeAll(checkedRetries);
                    checks.retry(fresh);
                    checkedRetries.addAll(fresh);
                }
                undecided = awaitDecisions(checks, restarted);
                System.out.println("working at the venue, placed since the last restart at " + restarted + ": "
                        + checks.workingSince(restarted));
            } finally {
                int exit = app.stop();
                assertThat(exit).as("exit code after SIGTERM (" + context + ")").isZero();
            }
        }

        String figures = "crash test on " + database() + ": seed " + seed + ", rounds " + rounds
                + ", acknowledged orders " + ledger.submits().size() + ", acknowledged cancels "
                + ledger.changeCount("cancel") + ", acknowledged modifies " + ledger.changeCount("modify")
                + ", violations " + ledger.violations().size() + ", restart times ms " + restartMillis
                + ", orders without a decision " + undecided.size();
        System.out.println(figures);
        assertThat(ledger.violations()).as(figures + "; " + context).isEmpty();
        if (DECISIONS_ENFORCED) {
            assertThat(undecided)
                    .as("orders without a decision " + DECISION_WITHIN.toSeconds() + " s after the last restart; "
                            + context)
                    .isEmpty();
        }
    }

    /** Waits (up to the decision window) for every order to reach a decision; those that did not. */
    private static List<String> awaitDecisions(CrashChecks checks, Instant restarted) {
        long deadline = System.nanoTime() + DECISION_WITHIN.toNanos();
        while (true) {
            List<String> undecided = checks.undecided(restarted);
            if (undecided.isEmpty() || System.nanoTime() > deadline) {
                return undecided;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    private static void join(List<Thread> threads) {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            assertThat(thread.isAlive()).as(thread.getName() + " ended").isFalse();
        }
    }

    /** Short monitor windows; the kill switch's triggers off (a restarted venue forgets its positions). */
    private static String yaml(Path data, int port, long seed) {
        return """
                data-dir: %s
                http:
                  port: %d
                security:
                  admin-api-key: %s
                  rate-limit:
                    enabled: false
                broker:
                  mock:
                    seed: %d
                accounts:
                  - id: PAPER
                    capital: 1000000000
                    buying-power: 1000000000
                risk:
                  defaults:
                    max-open-orders: 100000
                schedules:
                  order-monitor: %dms
                  reconciliation: %dms
                order-monitor:
                  unconfirmed-after: 1s
                  unknown-grace-window: %dms
                  unknown-misses-before-error: %d
                kill-switch:
                  daily-loss-enabled: false
                  rejection-burst-enabled: false
                  reconciliation-mismatch-enabled: false
                  session-lost-enabled: false
                  stale-market-data-enabled: false
                """
                .formatted(
                        data.toAbsolutePath(),
                        port,
                        ADMIN_KEY,
                        seed,
                        ORDER_MONITOR.toMillis(),
                        RECONCILIATION.toMillis(),
                        UNKNOWN_GRACE_WINDOW.toMillis(),
                        UNKNOWN_MISSES);
    }
}
