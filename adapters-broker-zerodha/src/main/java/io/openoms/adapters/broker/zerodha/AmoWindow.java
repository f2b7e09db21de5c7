package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;

/**
 * The exchange-local hours in which Zerodha accepts after-market orders, from {@code start}
 * (inclusive) to {@code end} (exclusive); a window whose start is after its end spans midnight
 * (equity: 16:00 to 08:58 the next morning).
 */
public record AmoWindow(LocalTime start, LocalTime end) {
    public AmoWindow {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (start.equals(end)) {
            throw new IllegalArgumentException("AMO window start and end are both " + start);
        }
    }

    public static AmoWindow of(String start, String end) {
        return new AmoWindow(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime time) {
        requireNonNull(time, "time is null");
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
