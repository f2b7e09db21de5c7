package io.openoms.app.cli.client;

import io.openoms.application.intake.StrictValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks of what people type, before anything is sent: a mistyped quantity or side is refused here
 * with a line naming the option, instead of a round trip to the server. Decimals stay decimal text
 * (never a double) and go to the server as JSON strings.
 */
final class ClientInput {
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private ClientInput() {}

    /** A positive decimal such as {@code 10} or {@code 1400.05}, in plain notation. */
    static String positiveDecimal(String option, String text) {
        BigDecimal value = decimal(option, text);
        if (value.signum() <= 0) {
            throw ClientFailure.usage(option + " must be greater than zero, got '" + text + "'");
        }
        return value.toPlainString();
    }

    /** A decimal by the server's rules ({@link StrictValues}): ASCII digits, at most one point, no exponent. */
    static BigDecimal decimal(String option, String text) {
        if (StrictValues.decimalProblem(text, true).isPresent()) {
            throw ClientFailure.usage(option + " must be a number such as 10 or 1400.05, got '" + text + "'");
        }
        return new BigDecimal(text);
    }

    static long wholeNumber(String option, String text, long min, long max) {
        if (StrictValues.wholeNumberProblem(text).isEmpty()) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw ClientFailure.usage(
                option + " must be a whole number from " + min + " to " + max + ", got '" + text + "'");
    }

    /** One of an enum's constants, case-insensitive, {@code -} standing for {@code _} ({@code stop-limit}). */
    static <E extends Enum<E>> String choice(String option, String text, Class<E> choices) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : choices.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return name;
            }
        }
        throw ClientFailure.usage(option + " '" + text + "' is not one of "
                + Arrays.stream(choices.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** An instant: ISO-8601 UTC ({@code 2026-01-05T09:15:00Z}) or a date, meaning its start in UTC. */
    static String instant(String option, String text) {
        String trimmed = text.strip();
        try {
            return Instant.parse(trimmed).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(trimmed)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toString();
            } catch (DateTimeParseException notADate) {
                throw ClientFailure.usage(option + " must be an instant such as 2026-01-05T09:15:00Z or a date such"
                        + " as 2026-01-05 (UTC), got '" + text + "'");
            }
        }
    }

    /** A time from now: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT30M}). */
    static Duration duration(String option, String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT_DURATION.matcher(trimmed);
        Duration duration = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw ClientFailure.usage(option + " must be an instant such as 2026-01-05T10:00:00Z or a time from now"
                    + " such as 90s, 30m, 2h, 1d, got '" + text + "'");
        }
        return duration;
    }

    /** An order id as the server writes them: 1-64 letters, digits or {@code _ . : @ -}. */
    static String orderId(String option, String text) {
        String trimmed = text.strip();
        if (!ORDER_ID.matcher(trimmed).matches()) {
            throw ClientFailure.usage(
                    option + " '" + text + "' is not an order id (1-64 letters, digits or _ . : @ -)");
        }
        return trimmed;
    }

    /** Text that must say something, such as the reason for a change of trading state. */
    static String nonBlank(String option, String text) {
        if (text == null || text.isBlank()) {
            throw ClientFailure.usage(option + " must not be blank");
        }
        return text.strip();
    }
}
