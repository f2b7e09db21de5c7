package io.openoms.adapters.signal.redis;

import static java.util.Objects.requireNonNull;

import io.openoms.application.intake.SignalIntake;
import io.openoms.application.intake.SignalOutcome;
import io.openoms.domain.order.ClientOrderId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * One signal's way through: read the JSON, place it through the {@link SignalIntake}, and write the
 * outcome to the results stream, or park a malformed signal in the dead-letter stream with the reason.
 * Shared by the stream consumer and the channel listener.
 */
final class SignalDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(SignalDispatcher.class);

    private final UnifiedJedis redis;
    private final RedisSignalConfig config;
    private final SignalIntake intake;
    private final SignalCounters counters;

    SignalDispatcher(UnifiedJedis redis, RedisSignalConfig config, SignalIntake intake, SignalCounters counters) {
        this.redis = requireNonNull(redis, "redis is null");
        this.config = requireNonNull(config, "config is null");
        this.intake = requireNonNull(intake, "intake is null");
        this.counters = requireNonNull(counters, "counters is null");
    }

    /**
     * Handles one signal; returns whether its outcome is durable and published, i.e. whether the message
     * may be acknowledged. A Redis failure while publishing propagates (the message is not acknowledged
     * and comes back; its id keeps it to one order).
     *
     * @param raw the signal's JSON text, or empty when the message carried none ({@code problem} says why)
     * @param source where it came from, for the results: the stream entry's id, or {@code channel:NAME}
     * @param fallbackId the order id when the signal has no {@code id}
     */
    boolean dispatch(Optional<String> raw, String problem, String source, Optional<ClientOrderId> fallbackId) {
        counters.receivedOne();
        if (raw.isEmpty()) {
            park(source, "", problem);
            return true;
        }
        Map<String, Object> signal;
        try {
            signal = SignalJson.read(raw.get());
        } catch (IllegalArgumentException e) {
            park(source, raw.get(), e.getMessage());
            return true;
        }
        SignalOutcome outcome;
        try {
            outcome = intake.place(signal, fallbackId, Optional.empty());
        } catch (RuntimeException e) {
            // A bug, not the signal's fault; parked so that it cannot stop the consumer by coming back forever.
            LOG.error("signal {} could not be handled; parking it", source, e);
            park(source, raw.get(), "internal error: " + e);
            return true;
        }
        if (!outcome.durable()) {
            counters.deferredOne();
            LOG.warn("signal {} deferred, to be offered again: {}", source, outcome.fields());
            return false;
        }
        if (outcome instanceof SignalOutcome.Invalid invalid) {
            park(source, raw.get(), invalid.problems().summary());
            return true;
        }
        if (outcome instanceof SignalOutcome.Accepted) {
            counters.placedOne();
        } else {
            counters.refusedOne();
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("source", source);
        Object id = signal.get("id");
        if (id instanceof String text) {
            result.put("id", text);
        }
        result.putAll(outcome.fields());
        publish(config.resultsStream(), result);
        return true;
    }

    private void park(String source, String raw, String reason) {
        counters.parkedOne();
        LOG.warn("signal {} is malformed and parked in {}: {}", source, config.deadLetterStream(), reason);
        Map<String, String> dead = new LinkedHashMap<>();
        dead.put("source", source);
        dead.put("signal", raw);
        dead.put("reason", reason);
        publish(config.deadLetterStream(), dead);
        publish(config.resultsStream(), Map.of("source", source, "status", "invalid", "reason", reason));
    }

    private void publish(String stream, Map<String, String> fields) {
        redis.xadd(
                stream,
                XAddParams.xAddParams().maxLen(config.resultsMaxLength()).approximateTrimming(),
                fields);
    }
}
