package io.openoms.app.security;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What an API key may do. Roles are ordered: an admin may do everything a trader may, a trader
 * everything a viewer may.
 */
public enum Role implements RouteRole {
    /** Reads orders, positions, the portfolio, limits, the trading state, findings and the event stream. */
    VIEWER,
    /** Also submits, modifies and cancels orders and sends signals. */
    TRADER,
    /** Also changes risk limits and the trading state (the kill switch) and runs reconciliation. */
    ADMIN;

    /** Whether a key with this role may do what {@code required} allows. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} ({@code viewer}, {@code trader}, {@code admin}; any case). */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role: '" + text + "' is not a role; allowed: viewer, trader, admin");
    }
}
