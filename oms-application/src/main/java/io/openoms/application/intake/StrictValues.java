package io.openoms.application.intake;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API's rules for the text of a value, shared by bodies and query parameters. Strict because a
 * lenient reading turns a client's bug into an order: {@code "+5"}, {@code " 5"} or Arabic-Indic
 * {@code "١٢"} read as a quantity, {@code "BUY\u0000"} as a side. Each method answers the problem in
 * words for the field's error, or empty when the value is acceptable. Shared by the REST edge, the
 * command-line client and the signal intakes (Redis, webhooks), so every way in reads values alike.
 */
public final class StrictValues {
    /** Digits before the point: far above any quantity, price or amount, and it bounds the work. */
    public static final int MAX_INTEGER_DIGITS = 18;

    /** Digits after the point: finer than any tick, lot or amount a venue uses. */
    public static final int MAX_FRACTION_DIGITS = 8;

    private static final Pattern DECIMAL =
            Pattern.compile("-?[0-9]{1," + MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + MAX_FRACTION_DIGITS + "})?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1," + MAX_INTEGER_DIGITS + "}");

    private StrictValues() {}

    /**
     * A decimal written as ASCII digits with at most one {@code .} and, where {@code negativeAllowed}, a
     * leading {@code -}: no spaces, no {@code +}, no exponent, no other digits.
     */
    public static Optional<String> decimalProblem(String text, boolean negativeAllowed) {
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.of("must be a decimal number written with the digits 0-9 and at most one '.' (at most "
                    + MAX_INTEGER_DIGITS + " digits before it and " + MAX_FRACTION_DIGITS
                    + " after; no spaces, '+' or exponent), got '" + printable(text) + "'");
        }
        if (!negativeAllowed && text.startsWith("-")) {
            return Optional.of("must not be negative, got '" + text + "'");
        }
        return Optional.empty();
    }

    /** The same rules for a decimal that arrived as a JSON number (exponents are refused while reading). */
    public static Optional<String> decimalProblem(BigDecimal value, boolean negativeAllowed) {
        return decimalProblem(value.toPlainString(), negativeAllowed);
    }

    /** A whole number of ASCII digits: no sign, no point, no spaces. */
    public static Optional<String> wholeNumberProblem(String text) {
        if (!WHOLE.matcher(text).matches()) {
            return Optional.of("must be a whole number written with the digits 0-9 (at most " + MAX_INTEGER_DIGITS
                    + "; no sign, point, spaces or exponent), got '" + printable(text) + "'");
        }
        return Optional.empty();
    }

    /** Refuses control characters (C0, DEL, C1), line and paragraph separators, bidirectional overrides and lone surrogates. */
    public static Optional<String> textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return Optional.of(String.format(
                        "must not contain control characters (found U+%04X at position %d)", (int) c, i + 1));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must be valid Unicode text (a lone surrogate at position " + (i + 1) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** An enum constant written exactly as the API lists it: case, spaces and all. */
    public static <E extends Enum<E>> Optional<E> exactEnum(String text, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** {@code text} for an error message: control characters shown as {@code \\uXXXX}, cut at 40 characters. */
    public static String printable(String text) {
        String cut = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (isControl(c) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
