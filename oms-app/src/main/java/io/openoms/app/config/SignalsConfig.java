package io.openoms.app.config;

/**
 * Ways in for signals besides REST ({@code signals.*}).
 *
 * @param redis {@code signals.redis.*}: the Redis stream and channel
 * @param webhooks {@code signals.webhooks.*}: webhooks from charting platforms
 */
public record SignalsConfig(RedisSignalsConfig redis, WebhooksConfig webhooks) {
    public static final SignalsConfig DEFAULT = new SignalsConfig(RedisSignalsConfig.DEFAULT, WebhooksConfig.DEFAULT);

    public SignalsConfig {
        redis = redis == null ? RedisSignalsConfig.DEFAULT : redis;
        webhooks = webhooks == null ? WebhooksConfig.DEFAULT : webhooks;
    }
}
