package io.openoms.domain.port.out;

/**
 * Requests allowed per second, per minute and per trading day for one endpoint family; 0 means no
 * limit for that window.
 */
public record FamilyLimits(int perSecond, int perMinute, int perDay) {
    public static final FamilyLimits UNLIMITED = new FamilyLimits(0, 0, 0);

    public FamilyLimits {
        requireNotNegative(perSecond, "perSecond");
        requireNotNegative(perMinute, "perMinute");
        requireNotNegative(perDay, "perDay");
    }

    public static FamilyLimits perSecond(int perSecond) {
        return new FamilyLimits(perSecond, 0, 0);
    }

    public boolean unlimited() {
        return perSecond == 0 && perMinute == 0 && perDay == 0;
    }

    private static void requireNotNegative(int limit, String name) {
        if (limit < 0) {
            throw new IllegalArgumentException(name + " is negative: " + limit);
        }
    }
}
