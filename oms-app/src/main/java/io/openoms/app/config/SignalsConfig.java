package io.openoms.app.config;

/**
 * Ways in for signals besides REST ({@code signals.*}).
 *
 * @param redis {@code signals.redis.*}: the Redis stream and channel
 */
public record SignalsConfig(RedisSignalsConfig redis) {
    public static final SignalsConfig DEFAULT = new SignalsConfig(RedisSignalsConfig.DEFAULT);

    public SignalsConfig {
        redis = redis == null ? RedisSignalsConfig.DEFAULT : redis;
    }
}
