package io.openoms.adapters.signal.redis;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import redis.clients.jedis.JedisPubSub;

/**
 * The seed's plain pub/sub channel ({@code PUBLISH trade_signals '{…}'}), for compatibility. At most
 * once: Redis delivers a message only to those subscribed at that moment and keeps nothing, so a
 * message published while OpenOMS is down or reconnecting is lost. A signal's {@code id} still keeps a
 * repeated message to one order. Outcomes go to the results stream like the stream's.
 */
final class RedisSignalChannel extends JedisPubSub {
    private final SignalDispatcher dispatcher;
    private volatile boolean subscribed;

    RedisSignalChannel(SignalDispatcher dispatcher) {
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    }

    @Override
    public void onMessage(String channel, String message) {
        // No fallback id: a pub/sub message has no identity of its own to deduplicate by.
        dispatcher.dispatch(
                Optional.ofNullable(message), "the message is empty", "channel:" + channel, Optional.empty());
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
        subscribed = true;
    }

    @Override
    public void onUnsubscribe(String channel, int subscribedChannels) {
        subscribed = false;
    }

    boolean subscribed() {
        return subscribed;
    }
}
