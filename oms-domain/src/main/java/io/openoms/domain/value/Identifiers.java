package io.openoms.domain.value;

import java.util.regex.Pattern;

/** The shape shared by every textual identifier: 1–64 of letters, digits, '_', '-', '.', ':', '@'. */
public final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

    private Identifiers() {}

    /** Returns {@code value} when it is a valid identifier, else throws naming {@code what}. */
    public static String require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " must be 1-64 letters, digits or _ - . : @, got '" + abbreviate(value) + "'");
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
