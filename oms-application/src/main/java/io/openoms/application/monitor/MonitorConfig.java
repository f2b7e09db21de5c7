package io.openoms.application.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The order monitor's settings. Every value is checked when the record is built; a bad one is
 * refused with a message naming its key.
 *
 * @param interval how often oms-app runs a pass (the schedule lives there); also the backoff after
 *     a broker's rate-limit refusal that gives no hint
 * @param queryPermitWait how long a pass waits for each query permit of the rate-limit guard; when
 *     none comes, the rest of that broker's pass is skipped (the next pass retries)
 * @param unconfirmedAfter an order without a broker id and without an unknown outcome (its place call
 *     is in flight, or its answer was lost) is searched for by its tag once it is this old
 * @param unknownGraceWindow a submit whose outcome is unknown is declared never placed only once this
 *     long has passed since the unknown began (and after {@code unknownMissesBeforeError} misses); for
 *     a cancel or modify it is the time the broker gets to show it took effect
 * @param unknownMissesBeforeError how many consecutive searches must find nothing (or show the cancel
 *     or modify not in effect) before the unknown is resolved as not in effect
 * @param engineTimeout how long a pass waits for each engine command to become durable
 */
public record MonitorConfig(
        Duration interval,
        Duration queryPermitWait,
        Duration unconfirmedAfter,
        Duration unknownGraceWindow,
        int unknownMissesBeforeError,
        Duration engineTimeout) {

    public MonitorConfig {
        positive("interval", interval);
        notNegative("queryPermitWait", queryPermitWait);
        notNegative("unconfirmedAfter", unconfirmedAfter);
        notNegative("unknownGraceWindow", unknownGraceWindow);
        if (unknownMissesBeforeError < 1) {
            throw new IllegalArgumentException(
                    "unknownMissesBeforeError must be at least 1, got " + unknownMissesBeforeError);
        }
        positive("engineTimeout", engineTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void notNegative(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        notNegative(key, value);
        if (value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /**
     * Defaults: a pass every second, 100 ms per query permit, unconfirmed orders searched after 2 s,
     * a 30 s grace window and 3 misses before an unknown is resolved as not in effect, 10 s engine
     * timeout.
     */
    public static final class Builder {
        private Duration interval = Duration.ofSeconds(1);
        private Duration queryPermitWait = Duration.ofMillis(100);
        private Duration unconfirmedAfter = Duration.ofSeconds(2);
        private Duration unknownGraceWindow = Duration.ofSeconds(30);
        private int unknownMissesBeforeError = 3;
        private Duration engineTimeout = Duration.ofSeconds(10);

        private Builder() {}

        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        public Builder queryPermitWait(Duration value) {
            this.queryPermitWait = value;
            return this;
        }

        public Builder unconfirmedAfter(Duration value) {
            this.unconfirmedAfter = value;
            return this;
        }

        public Builder unknownGraceWindow(Duration value) {
            this.unknownGraceWindow = value;
            return this;
        }

        public Builder unknownMissesBeforeError(int value) {
            this.unknownMissesBeforeError = value;
            return this;
        }

        public Builder engineTimeout(Duration value) {
            this.engineTimeout = value;
            return this;
        }

        public MonitorConfig build() {
            return new MonitorConfig(
                    interval,
                    queryPermitWait,
                    unconfirmedAfter,
                    unknownGraceWindow,
                    unknownMissesBeforeError,
                    engineTimeout);
        }
    }
}
