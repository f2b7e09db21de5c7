package io.openoms.adapters.signal.redis;

import static java.util.Objects.requireNonNull;

import io.openoms.application.intake.SignalIntake;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Signals from Redis: the stream consumer ({@link RedisSignalConsumer}, at least once) and the pub/sub
 * channel listener (at most once), each on its own thread, started after the engine recovered and
 * stopped before it drains. A Redis outage is logged and retried every {@code block-timeout}; it never
 * stops the threads. Orders go in through the {@link SignalIntake}, i.e. the {@code OrderEntry} port.
 */
public final class RedisSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSignals.class);
    private static final long JOIN_MILLIS = 5_000;

    private final RedisSignalConfig config;
    private final Clock clock;
    private final UnifiedJedis redis;
    private final SignalCounters counters = new SignalCounters();
    private final RedisSignalConsumer consumer;
    private final RedisSignalChannel channel;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastPoll = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    public RedisSignals(RedisSignalConfig config, SignalIntake intake, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.redis = RedisClient.create(URI.create(config.url()));
        SignalDispatcher dispatcher = new SignalDispatcher(redis, config, intake, counters);
        this.consumer = new RedisSignalConsumer(redis, config, dispatcher);
        this.channel = new RedisSignalChannel(dispatcher);
    }

    /** Starts the stream consumer and, when a channel is configured, the channel listener. */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("the Redis signal intake was already started");
        }
        LOG.info(
                "signals from Redis {}: stream {} as {}/{}, results to {}, malformed to {}{}",
                config.redactedUrl(),
                config.stream(),
                config.group(),
                config.consumer(),
                config.resultsStream(),
                config.deadLetterStream(),
                config.channel()
                        .map(name -> ", and channel " + name + " (at most once)")
                        .orElse(""));
        threads.add(thread("oms-signals-stream", this::consumeStream));
        config.channel().ifPresent(name -> threads.add(thread("oms-signals-channel", () -> listen(name))));
        threads.forEach(Thread::start);
    }

    /** The consumer, for tests that drive it one pass at a time instead of {@link #start()}. */
    public RedisSignalConsumer consumer() {
        return consumer;
    }

    /** Creates the consumer group unless it exists: {@link #start()} does it; tests driving {@link #consumer()} call it. */
    public void ensureGroup() {
        consumer.ensureGroup();
    }

    public SignalCounters counters() {
        return counters;
    }

    /** The group's lag (entries not yet delivered); -1 when unknown (Redis unreachable or older than 7). */
    public long lag() {
        try {
            return consumer.lag();
        } catch (JedisException e) {
            return -1;
        }
    }

    /** What {@code /health/ready} shows: the consumer, its lag and pending entries, the channel, the counts. */
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        String error = lastError.get();
        health.put("status", error == null ? "UP" : "DOWN");
        health.put("url", config.redactedUrl());
        health.put("stream", config.stream());
        health.put("group", config.group());
        health.put("consumer", config.consumer());
        try {
            health.put("lag", consumer.lag());
            health.put("pending", consumer.pending());
        } catch (JedisException e) {
            health.put("status", "DOWN");
            health.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        config.channel().ifPresent(name -> {
            health.put("channel", name);
            health.put("channelSubscribed", channel.subscribed());
        });
        Instant polled = lastPoll.get();
        health.put("lastPoll", polled == null ? null : polled.toString());
        if (error != null) {
            health.putIfAbsent("error", error);
        }
        health.put("received", counters.received());
        health.put("placed", counters.placed());
        health.put("refused", counters.refused());
        health.put("parked", counters.parked());
        health.put("deferred", counters.deferred());
        return health;
    }

    /** Stops both threads (an entry being handled finishes first) and closes the connections. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        closed.countDown();
        if (channel.isSubscribed()) {
            try {
                channel.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("unsubscribing from the signal channel failed", e);
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        redis.close();
    }

    private void consumeStream() {
        boolean groupReady = false;
        while (closed.getCount() > 0) {
            try {
                if (!groupReady) {
                    consumer.ensureGroup();
                    groupReady = true;
                }
                consumer.pollOnce();
                lastPoll.set(clock.instant());
                recovered();
            } catch (RuntimeException e) {
                // Redis down, or a bug: either way the loop goes on, so that signals are not left unread.
                failed("stream " + config.stream(), e);
            }
        }
    }

    private void listen(String name) {
        while (closed.getCount() > 0) {
            try {
                redis.subscribe(channel, name);
            } catch (JedisException e) {
                if (closed.getCount() > 0) {
                    failed("channel " + name, e);
                }
            }
        }
    }

    private void recovered() {
        if (lastError.getAndSet(null) != null) {
            LOG.info("signals from Redis: reading again");
        }
    }

    /** Logs the first failure of a streak with its cause, then waits before the next try. */
    private void failed(String what, RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (lastError.getAndSet(message) == null) {
            LOG.error("signals from Redis: reading {} failed; retrying every {}", what, config.blockTimeout(), e);
        }
        try {
            closed.await(config.blockTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
