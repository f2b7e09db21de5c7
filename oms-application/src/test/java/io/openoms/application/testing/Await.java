package io.openoms.application.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for what another thread makes true, failing after a generous deadline; never a bare sleep.
 * The application's tests and the integration suite share it (oms-application's test-jar).
 */
public final class Await {
    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(1);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    /**
     * Polls {@code condition} every millisecond on the calling thread; on timeout the failure names
     * {@code what} and {@code state}.
     */
    public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        try {
            Awaitility.await(what)
                    .atMost(DEADLINE)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .pollInSameThread()
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + DEADLINE + " waiting until " + what + " " + state.get(), e);
        }
    }

    /** The failure {@code future} completes with, or null when it succeeds; waits at most the deadline. */
    public static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + DEADLINE, e);
        }
    }

    /** What {@code future} completes with; fails when it fails or gives no answer within the deadline. */
    public static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within " + DEADLINE, e);
        }
    }
}
