package io.openoms.application.ratelimit;

import java.util.ArrayDeque;

/**
 * Grants within one window length (a second, a minute), on the monotonic ticker. With a limit it
 * keeps the grant times: a sliding window never lets more than {@code limit} requests into any
 * interval of its length, so it also holds on the broker's own calendar windows, which we cannot
 * see. Without a limit it only counts, in fixed windows, for usage reports. Not thread safe.
 */
final class SlidingWindow {
    private final long lengthNanos;
    private final int limit;
    private final ArrayDeque<Long> grants = new ArrayDeque<>();
    private long countedSince;
    private int counted;

    SlidingWindow(long lengthNanos, int limit, long now) {
        this.lengthNanos = lengthNanos;
        this.limit = limit;
        this.countedSince = now;
    }

    int limit() {
        return limit;
    }

    /** Nanoseconds from {@code now} until this window has room for one more request; 0 if it has. */
    long roomInNanos(long now) {
        if (limit == 0) {
            return 0;
        }
        expire(now);
        if (grants.size() < limit) {
            return 0;
        }
        return grants.peekFirst() + lengthNanos - now;
    }

    void record(long now) {
        if (limit == 0) {
            rollCount(now);
            counted++;
            return;
        }
        grants.addLast(now);
    }

    int used(long now) {
        if (limit == 0) {
            rollCount(now);
            return counted;
        }
        expire(now);
        return grants.size();
    }

    private void expire(long now) {
        while (!grants.isEmpty() && now - grants.peekFirst() >= lengthNanos) {
            grants.removeFirst();
        }
    }

    private void rollCount(long now) {
        if (now - countedSince >= lengthNanos) {
            countedSince = now;
            counted = 0;
        }
    }
}
