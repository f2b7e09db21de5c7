package io.openoms.app.http;

import io.openoms.application.engine.DayPnl;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's day P&amp;L readings for the dashboard's chart, in time order: at most one point per
 * second (a newer reading in the same second replaces the last point, so the latest value always shows)
 * and at most {@link #MAX_POINTS} (when full, every other older point is dropped, keeping the shape).
 * A new trading day starts an empty series. Thread-safe.
 */
final class IntradayPnl {
    static final int MAX_POINTS = 4_096;

    private final List<DayPnl> points = new ArrayList<>();

    /** Records the reading; true when it started a new point (a new second), false when it replaced or was dropped. */
    synchronized boolean record(DayPnl reading) {
        if (!points.isEmpty()) {
            DayPnl last = points.get(points.size() - 1);
            if (!reading.dayStart().equals(last.dayStart())) {
                if (reading.dayStart().isBefore(last.dayStart())) {
                    return false;
                }
                points.clear();
            } else if (!reading.observedAt().isAfter(last.observedAt())) {
                return false;
            } else if (second(reading).equals(second(last))) {
                points.set(points.size() - 1, reading);
                return false;
            }
        }
        if (points.size() == MAX_POINTS) {
            thin();
        }
        points.add(reading);
        return true;
    }

    private static Instant second(DayPnl reading) {
        return reading.observedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    synchronized List<DayPnl> points() {
        return List.copyOf(points);
    }

    /** Keeps the first point, every other one after it, and the last. */
    private void thin() {
        List<DayPnl> kept = new ArrayList<>(MAX_POINTS / 2 + 1);
        for (int i = 0; i < points.size(); i += 2) {
            kept.add(points.get(i));
        }
        DayPnl last = points.get(points.size() - 1);
        if (kept.get(kept.size() - 1) != last) {
            kept.add(last);
        }
        points.clear();
        points.addAll(kept);
    }
}
