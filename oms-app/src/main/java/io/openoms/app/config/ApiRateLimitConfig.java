package io.openoms.app.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The request rate limit of the REST API, per API key: a token bucket that refills at {@code
 * requests-per-second} and holds at most {@code burst} requests. Every request under {@code /api/v1}
 * counts against the key's request budget; order entry ({@code POST /orders}, {@code POST /signals},
 * {@code PATCH /orders/{id}}) also counts against its own, tighter order budget. Rates are exact
 * decimals with at most three decimals ({@code 0.5} is one request every two seconds).
 *
 * @param enabled {@code security.rate-limit.enabled} (default true)
 * @param requestsPerSecond {@code security.rate-limit.requests-per-second}: refill of the request budget
 *     (0.001-100000, default 50)
 * @param burst {@code security.rate-limit.burst}: size of the request budget (1-100000, default 200)
 * @param orderRequestsPerSecond {@code security.rate-limit.order-requests-per-second}: refill of the order
 *     budget (0.001-100000, default 20)
 * @param orderBurst {@code security.rate-limit.order-burst}: size of the order budget (1-100000, default 100)
 */
public record ApiRateLimitConfig(
        boolean enabled, BigDecimal requestsPerSecond, int burst, BigDecimal orderRequestsPerSecond, int orderBurst) {
    private static final BigDecimal MIN_RATE = new BigDecimal("0.001");
    private static final BigDecimal MAX_RATE = new BigDecimal("100000");
    private static final int MAX_BURST = 100_000;

    public static final ApiRateLimitConfig DEFAULT =
            new ApiRateLimitConfig(true, BigDecimal.valueOf(50), 200, BigDecimal.valueOf(20), 100);

    public ApiRateLimitConfig {
        requireRate("requests-per-second", requestsPerSecond);
        requireBurst("burst", burst);
        requireRate("order-requests-per-second", orderRequestsPerSecond);
        requireBurst("order-burst", orderBurst);
    }

    /** The rate in thousandths of a request per second: whole by construction. */
    public static long milliRequestsPerSecond(BigDecimal rate) {
        return requireNonNull(rate, "rate is null").movePointRight(3).longValueExact();
    }

    private static void requireRate(String key, BigDecimal rate) {
        if (rate == null) {
            throw new IllegalArgumentException(key + ": is required (requests per second, e.g. 50 or 0.5)");
        }
        if (rate.compareTo(MIN_RATE) < 0
                || rate.compareTo(MAX_RATE) > 0
                || rate.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException(key + ": must be between " + MIN_RATE.toPlainString() + " and "
                    + MAX_RATE.toPlainString() + " requests per second with at most 3 decimals, got "
                    + rate.toPlainString());
        }
    }

    private static void requireBurst(String key, int burst) {
        if (burst < 1 || burst > MAX_BURST) {
            throw new IllegalArgumentException(
                    key + ": must be between 1 and " + MAX_BURST + " requests, got " + burst);
        }
    }
}
