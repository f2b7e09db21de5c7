package io.openoms.adapters.signal.redis;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where signals come from and where their outcomes go.
 *
 * @param url the Redis server, {@code redis://[user:password@]host:port[/db]} ({@code rediss://} for TLS);
 *     it may hold a password, so it is never logged whole (see {@link #redactedUrl()})
 * @param stream the stream signals are added to ({@code XADD oms:signals * signal '{…}'})
 * @param group the consumer group OpenOMS reads the stream as; created (from the stream's start) when
 *     missing
 * @param consumer this process's name within the group; a restarted process with the same name first
 *     takes back what it had read but not acknowledged
 * @param resultsStream where each signal's outcome is added
 * @param deadLetterStream where a malformed signal is parked with the reason
 * @param channel the pub/sub channel also listened to (at-most-once); empty: none
 * @param claimIdle how long an entry another consumer read must stay unacknowledged before this one
 *     takes it over (that consumer is presumed dead)
 * @param blockTimeout how long one read waits for new entries
 * @param batchSize entries read at most per pass
 * @param resultsMaxLength the results and dead-letter streams are trimmed to about this many entries
 */
public record RedisSignalConfig(
        String url,
        String stream,
        String group,
        String consumer,
        String resultsStream,
        String deadLetterStream,
        Optional<String> channel,
        Duration claimIdle,
        Duration blockTimeout,
        int batchSize,
        long resultsMaxLength) {

    public static final String DEFAULT_STREAM = "oms:signals";
    public static final String DEFAULT_GROUP = "openoms";
    public static final String DEFAULT_CONSUMER = "oms-1";
    public static final String DEFAULT_RESULTS_STREAM = "oms:signal-results";
    public static final String DEFAULT_DEAD_LETTER_STREAM = "oms:signals:dead";
    public static final String DEFAULT_CHANNEL = "trade_signals";

    public RedisSignalConfig {
        requireNonNull(url, "url is null");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: is not a URI (redis://host:port)");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "url: must be redis://host:port or rediss://host:port, got " + redact(url));
        }
        name(stream, "stream");
        name(group, "group");
        name(consumer, "consumer");
        name(resultsStream, "results-stream");
        name(deadLetterStream, "dead-letter-stream");
        requireNonNull(channel, "channel is null");
        channel.ifPresent(name -> name(name, "channel"));
        positive(claimIdle, "claim-idle");
        positive(blockTimeout, "block-timeout");
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batch-size: must be between 1 and 1000, got " + batchSize);
        }
        if (resultsMaxLength < 1) {
            throw new IllegalArgumentException("results-max-length: must be positive, got " + resultsMaxLength);
        }
        if (stream.equals(resultsStream) || stream.equals(deadLetterStream)) {
            throw new IllegalArgumentException("stream: must differ from results-stream and dead-letter-stream");
        }
    }

    /** The defaults of every key but {@code url}. */
    public static RedisSignalConfig defaults(String url) {
        return new RedisSignalConfig(
                url,
                DEFAULT_STREAM,
                DEFAULT_GROUP,
                DEFAULT_CONSUMER,
                DEFAULT_RESULTS_STREAM,
                DEFAULT_DEAD_LETTER_STREAM,
                Optional.of(DEFAULT_CHANNEL),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                10,
                100_000);
    }

    /** The URL without its credentials, for logs and health. */
    public String redactedUrl() {
        return redact(url);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    private static void name(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + ": must not be empty");
        }
        if (value.length() > 200 || !value.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException(key + ": must be at most 200 printable ASCII characters, no spaces");
        }
    }

    private static void positive(Duration value, String key) {
        requireNonNull(value, key + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + ": must be positive, got " + value);
        }
    }
}
