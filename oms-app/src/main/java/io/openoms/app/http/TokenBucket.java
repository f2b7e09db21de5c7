package io.openoms.app.http;

/**
 * A token bucket in exact integer arithmetic: it holds at most {@code burst} requests and refills at a
 * rate given in thousandths of a request per second, measured on a monotonic nanosecond ticker. The
 * level is kept in units of 10^-12 of a request, so one nanosecond adds exactly the rate's thousandths
 * and nothing is rounded. Not thread-safe: its owner serializes access.
 */
final class TokenBucket {
    /** One request in the bucket's units: 1000 (thousandths) x 10^9 (nanoseconds per second). */
    static final long UNITS_PER_REQUEST = 1_000L * 1_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long capacity;
    private final long unitsPerNano;
    private long level;
    private long updatedAt;

    /** A full bucket at {@code now}. Burst up to 100000 and a rate up to 10^8 thousandths fit in a long. */
    TokenBucket(int burst, long milliRequestsPerSecond, long now) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be positive, got " + burst);
        }
        if (milliRequestsPerSecond < 1) {
            throw new IllegalArgumentException("rate must be positive, got " + milliRequestsPerSecond);
        }
        this.capacity = Math.multiplyExact(burst, UNITS_PER_REQUEST);
        this.unitsPerNano = milliRequestsPerSecond;
        this.level = capacity;
        this.updatedAt = now;
    }

    /** Adds what the time since the last refill earned, up to the burst. */
    void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed <= 0) {
            return;
        }
        updatedAt = now;
        long missing = capacity - level;
        // Compare before multiplying: a long idle time times the rate could overflow.
        if (elapsed >= ceilDiv(missing, unitsPerNano)) {
            level = capacity;
        } else {
            level += elapsed * unitsPerNano;
        }
    }

    boolean hasRoom() {
        return level >= UNITS_PER_REQUEST;
    }

    boolean full() {
        return level == capacity;
    }

    void take() {
        if (!hasRoom()) {
            throw new IllegalStateException("the bucket has no request left");
        }
        level -= UNITS_PER_REQUEST;
    }

    /** Nanoseconds until one request is available (0 when one is). */
    long nanosUntilRoom() {
        return hasRoom() ? 0 : ceilDiv(UNITS_PER_REQUEST - level, unitsPerNano);
    }

    /** Whole seconds until one request is available, rounded up: what {@code Retry-After} says. */
    long secondsUntilRoom() {
        return ceilDiv(nanosUntilRoom(), NANOS_PER_SECOND);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
