package io.openoms.app.config;

import io.openoms.application.config.ConfigChecks;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in configuration: {@code 250ms}, {@code 1s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT0.25S}). */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {}

    static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a duration: use a number with a unit (250ms, 1s, 5m, 1h) or ISO-8601 (PT1S)");
        }
    }

    static String format(Duration duration) {
        return ConfigChecks.formatDuration(duration);
    }

    static void require(String key, Duration value, Duration min, Duration max) {
        ConfigChecks.requireDuration(key, value, min, max);
    }
}
