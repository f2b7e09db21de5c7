package io.openoms.application.config;

import java.time.Duration;

/**
 * The checks the application's config records run in their constructors, so that a bad value is
 * refused once, by the record itself, with a message that starts with its key as written in {@code
 * oms.yaml} ({@code "rejection-burst-window: must be between 1s and 24h, got 0s"}). The app binds
 * its YAML sections straight onto these records and prefixes the section, so the operator reads
 * {@code kill-switch.rejection-burst-window: …}.
 */
public final class ConfigChecks {
    private ConfigChecks() {}

    /** Refuses a missing duration or one outside {@code [min, max]}, naming {@code key}. */
    public static void requireDuration(String key, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": is required (a duration such as 250ms, 1s, 5m)");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": must be between " + formatDuration(min) + " and "
                    + formatDuration(max) + ", got " + formatDuration(value));
        }
    }

    /** Refuses a whole number outside {@code [min, max]}, naming {@code key}. */
    public static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** The shortest of {@code 250ms}, {@code 1s}, {@code 5m}, {@code 1h} that is exact, else ISO-8601. */
    public static String formatDuration(Duration duration) {
        if (duration.isNegative() || duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toString();
        }
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
