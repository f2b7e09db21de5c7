package io.openoms.app.runtime;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.port.out.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client order ids {@code O} + the microseconds since the epoch, zero-padded to 17 digits ({@code
 * O01735689600000001}): lexicographic order is creation order. Ids are strictly increasing within a
 * process, a burst taking the next free microsecond; across restarts they stay unique as long as the
 * clock did not step back by more than the downtime (the order store refuses a duplicate id in any
 * case). Thread safety: safe from any thread.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private static final int WIDTH = 17;
    private static final String ZEROS = "0".repeat(WIDTH);

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ClientOrderId nextOrderId() {
        long now = micros(clock.instant());
        long id = last.updateAndGet(previous -> Math.max(previous + 1, now));
        // As String.format("O%017d", id), at a fraction of its cost: this runs on every submit.
        String digits = Long.toString(id);
        return ClientOrderId.of(
                digits.length() >= WIDTH ? "O" + digits : "O" + ZEROS.substring(digits.length()) + digits);
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
