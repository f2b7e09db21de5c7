package io.openoms.adapters.broker.zerodha;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Kite's timestamps: {@code yyyy-MM-dd HH:mm:ss} in IST without an offset, parsed in
 * {@code Asia/Kolkata} explicitly (never the JVM's zone, the Java SDK's mistake); ISO strings with
 * an offset (historical candles) are accepted too.
 */
final class KiteTimestamps {
    private static final DateTimeFormatter KITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private KiteTimestamps() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            return Optional.of(
                    LocalDateTime.parse(value, KITE).atZone(KiteConfig.IST).toInstant());
        } catch (DateTimeParseException notKiteFormat) {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notIso) {
                try {
                    return Optional.of(
                            OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
                                    .toInstant());
                } catch (DateTimeParseException unknown) {
                    return Optional.empty();
                }
            }
        }
    }

    static String format(Instant instant) {
        return KITE.format(instant.atZone(KiteConfig.IST));
    }
}
