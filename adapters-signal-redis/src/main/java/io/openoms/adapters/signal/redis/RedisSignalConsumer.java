package io.openoms.adapters.signal.redis;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Reads the signal stream as a member of a consumer group, at least once: an entry is acknowledged
 * ({@code XACK}) only after its order, or the refusal, is durable and the outcome published. An entry
 * read but not acknowledged (the process died between placing and acknowledging) is read again: by
 * this consumer when it restarts under the same name (its own pending entries come first), or by
 * another one after {@code claim-idle} ({@code XAUTOCLAIM}). The order's id is the signal's {@code id},
 * else {@code redis-<entry id>}, so a redelivered entry never places a second order.
 *
 * <p>{@link #pollOnce()} is one pass; {@link RedisSignals} runs it in a loop. Not thread safe: one
 * thread polls.
 */
public final class RedisSignalConsumer {
    /** The prefix of the order id given to a signal without {@code id}: {@code redis-1733600000000-0}. */
    public static final String FALLBACK_ID_PREFIX = "redis-";

    private final UnifiedJedis redis;
    private final RedisSignalConfig config;
    private final SignalDispatcher dispatcher;
    private StreamEntryID claimCursor = new StreamEntryID(0, 0);
    private boolean ownPendingFirst = true;

    RedisSignalConsumer(UnifiedJedis redis, RedisSignalConfig config, SignalDispatcher dispatcher) {
        this.redis = requireNonNull(redis, "redis is null");
        this.config = requireNonNull(config, "config is null");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher is null");
    }

    /** Creates the group (reading from the stream's start, creating the stream) unless it exists. */
    void ensureGroup() {
        try {
            redis.xgroupCreate(config.stream(), config.group(), new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /**
     * One pass: this consumer's own unacknowledged entries (once after start, and after an entry was
     * deferred), then entries other consumers left idle for {@code claim-idle}, then new entries
     * (waiting up to {@code block-timeout} for them). Returns how many entries were handled; a Redis
     * failure propagates, leaving unacknowledged entries pending.
     */
    public int pollOnce() {
        int handled = 0;
        boolean deferred = false;
        boolean morePending = false;
        if (ownPendingFirst) {
            ownPendingFirst = false;
            List<StreamEntry> pending = read(new StreamEntryID(0, 0), false);
            // A full batch may leave more of this consumer's entries pending: read them next pass.
            morePending = pending.size() >= config.batchSize();
            for (StreamEntry entry : pending) {
                deferred |= !handle(entry);
                handled++;
            }
        }
        Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(
                config.stream(),
                config.group(),
                config.consumer(),
                config.claimIdle().toMillis(),
                claimCursor,
                new XAutoClaimParams().count(config.batchSize()));
        claimCursor = claimed.getKey();
        for (StreamEntry entry : claimed.getValue()) {
            deferred |= !handle(entry);
            handled++;
        }
        for (StreamEntry entry : read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, true)) {
            deferred |= !handle(entry);
            handled++;
        }
        ownPendingFirst = deferred || morePending;
        return handled;
    }

    /** Entries the group has not yet delivered to any consumer ({@code lag} of {@code XINFO GROUPS}); -1 when Redis does not say. */
    long lag() {
        return group().map(info -> info.getGroupInfo().get("lag"))
                .filter(Long.class::isInstance)
                .map(Long.class::cast)
                .orElse(-1L);
    }

    /** Entries delivered but not yet acknowledged, across the group. */
    long pending() {
        return group().map(StreamGroupInfo::getPending).orElse(0L);
    }

    private Optional<StreamGroupInfo> group() {
        return redis.xinfoGroups(config.stream()).stream()
                .filter(info -> config.group().equals(info.getName()))
                .findFirst();
    }

    private List<StreamEntry> read(StreamEntryID from, boolean block) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(config.batchSize());
        if (block) {
            params.block((int) config.blockTimeout().toMillis());
        }
        List<Map.Entry<String, List<StreamEntry>>> read =
                redis.xreadGroup(config.group(), config.consumer(), params, Map.of(config.stream(), from));
        if (read == null || read.isEmpty()) {
            return List.of();
        }
        return read.get(0).getValue();
    }

    /** Returns whether the entry was acknowledged. */
    private boolean handle(StreamEntry entry) {
        Map<String, String> fields = entry.getFields();
        String source = entry.getID().toString();
        Optional<String> raw = Optional.ofNullable(fields).map(f -> f.get("signal"));
        String problem = fields == null
                ? "the entry was deleted from the stream before it was handled"
                : "the entry has no field 'signal' (it has: " + String.join(", ", fields.keySet())
                        + "); add signals as XADD " + config.stream() + " * signal '{…}'";
        boolean done =
                dispatcher.dispatch(raw, problem, source, Optional.of(ClientOrderId.of(FALLBACK_ID_PREFIX + source)));
        if (done) {
            redis.xack(config.stream(), config.group(), entry.getID());
        }
        return done;
    }
}
