package io.openoms.app.config;

import io.openoms.adapters.signal.redis.RedisSignalConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Signals from Redis ({@code signals.redis.*}); off unless {@code url} is set. See docs/signals.md.
 *
 * @param url {@code signals.redis.url}, {@code OMS_SIGNALS_REDIS_URL}: {@code redis://[user:password@]host:port[/db]};
 *     a secret, because it may hold a password
 * @param stream {@code signals.redis.stream}: the stream read (default {@code oms:signals})
 * @param group {@code signals.redis.group}: the consumer group (default {@code openoms})
 * @param consumer {@code signals.redis.consumer}: this process's name in the group (default {@code oms-1})
 * @param resultsStream {@code signals.redis.results-stream}: outcomes (default {@code oms:signal-results})
 * @param deadLetterStream {@code signals.redis.dead-letter-stream}: malformed signals (default {@code oms:signals:dead})
 * @param channel {@code signals.redis.channel}: the pub/sub channel also listened to, at most once (default
 *     {@code trade_signals}; empty: none)
 * @param claimIdle {@code signals.redis.claim-idle}: take over another consumer's entry unacknowledged this long (default 30s)
 * @param blockTimeout {@code signals.redis.block-timeout}: one read's wait, and the retry interval while Redis is down (default 1s)
 * @param batchSize {@code signals.redis.batch-size}: entries per read (default 10)
 */
public record RedisSignalsConfig(
        Secret url,
        String stream,
        String group,
        String consumer,
        String resultsStream,
        String deadLetterStream,
        String channel,
        Duration claimIdle,
        Duration blockTimeout,
        int batchSize) {
    public static final RedisSignalsConfig DEFAULT = new RedisSignalsConfig(
            Secret.NONE,
            RedisSignalConfig.DEFAULT_STREAM,
            RedisSignalConfig.DEFAULT_GROUP,
            RedisSignalConfig.DEFAULT_CONSUMER,
            RedisSignalConfig.DEFAULT_RESULTS_STREAM,
            RedisSignalConfig.DEFAULT_DEAD_LETTER_STREAM,
            RedisSignalConfig.DEFAULT_CHANNEL,
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            10);

    public RedisSignalsConfig {
        url = url == null ? Secret.NONE : url;
        channel = channel == null ? "" : channel;
        Durations.require("claim-idle", claimIdle, Duration.ofMillis(1), Duration.ofHours(24));
        Durations.require("block-timeout", blockTimeout, Duration.ofMillis(10), Duration.ofSeconds(30));
        // Checked without a URL too, so that a mistake shows before the day Redis is turned on.
        adapterConfig(
                url.isSet() ? url.reveal() : "redis://127.0.0.1:6379",
                stream,
                group,
                consumer,
                resultsStream,
                deadLetterStream,
                channel,
                claimIdle,
                blockTimeout,
                batchSize);
    }

    /** Whether signals are read from Redis at all. */
    public boolean enabled() {
        return url.isSet();
    }

    /** The adapter's configuration; only when {@link #enabled()}. */
    public RedisSignalConfig toAdapterConfig() {
        return adapterConfig(
                url.reveal(),
                stream,
                group,
                consumer,
                resultsStream,
                deadLetterStream,
                channel,
                claimIdle,
                blockTimeout,
                batchSize);
    }

    private static RedisSignalConfig adapterConfig(
            String redisUrl,
            String stream,
            String group,
            String consumer,
            String resultsStream,
            String deadLetterStream,
            String channel,
            Duration claimIdle,
            Duration blockTimeout,
            int batchSize) {
        try {
            return new RedisSignalConfig(
                    redisUrl,
                    stream,
                    group,
                    consumer,
                    resultsStream,
                    deadLetterStream,
                    channel.isEmpty() ? Optional.empty() : Optional.of(channel),
                    claimIdle,
                    blockTimeout,
                    batchSize,
                    100_000);
        } catch (IllegalArgumentException e) {
            // The adapter's message names the key ("url: …") without revealing the URL's password.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
