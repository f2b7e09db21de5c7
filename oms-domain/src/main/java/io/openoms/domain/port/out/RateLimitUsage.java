package io.openoms.domain.port.out;

/** Requests granted in the current second, minute and day windows, against their limits (0 = no limit). */
public record RateLimitUsage(
        int usedThisSecond, int perSecond, int usedThisMinute, int perMinute, int usedToday, int perDay, int waiting) {}
