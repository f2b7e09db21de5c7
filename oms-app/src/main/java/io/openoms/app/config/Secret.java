package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

/**
 * A configuration value that must never be printed or logged: passwords, API keys and secrets,
 * access tokens. {@link #toString()} masks it, and so does every rendering of the configuration;
 * only {@link #reveal()} gives the value, for the code that hands it to a driver or a broker.
 */
public final class Secret {
    public static final Secret NONE = new Secret("");

    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    /** {@link #NONE} for an empty value. */
    public static Secret of(String value) {
        requireNonNull(value, "value is null");
        return value.isEmpty() ? NONE : new Secret(value);
    }

    public boolean isSet() {
        return !value.isEmpty();
    }

    public String reveal() {
        return value;
    }

    /** {@code ***} when set, {@code (none)} when not: never the value. */
    @Override
    public String toString() {
        return isSet() ? "***" : "(none)";
    }

    /** {@code url} with any {@code password=} parameter masked. */
    public static String redactUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
