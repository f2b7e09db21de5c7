package io.openoms.simulators.kite;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Kite's timestamps: India time without an offset. */
final class KiteTime {
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(INDIA);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(INDIA);

    private KiteTime() {}

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /** The time of day only, as trades carry their {@code order_timestamp}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
