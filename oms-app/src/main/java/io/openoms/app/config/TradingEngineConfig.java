package io.openoms.app.config;

import io.openoms.application.engine.AccountSettings;
import io.openoms.application.engine.EngineConfig;
import io.openoms.application.engine.UnknownOutcomePolicy;
import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.Map;

/**
 * The engine's tuning (see {@link EngineConfig}).
 *
 * @param queueCapacity {@code engine.queue-capacity}: queued commands at which submits and modifies are
 *     refused busy (1-1048576, default 4096)
 * @param maxCommandsPerBatch {@code engine.max-commands-per-batch}: commands per journal batch (1-65536,
 *     default 256)
 * @param brokerDispatchThreads {@code engine.broker-dispatch-threads}: threads calling the broker (1-64, default 4)
 * @param rateLimitMaxWait {@code engine.rate-limit-max-wait}: longest wait for a broker rate-limit permit
 *     (0-1m, default 2s)
 * @param stopTimeout {@code engine.stop-timeout}: how long a shutdown waits for the engine to drain (1s-5m,
 *     default 10s)
 * @param unknownOutcomePolicy {@code engine.unknown-outcome-policy}: new orders while a submit of the same
 *     account and instrument is unknown: {@code refuse} (default) or {@code hold}
 * @param terminalOrderRetention {@code engine.terminal-order-retention}: how long a filled, cancelled,
 *     rejected, expired or errored order stays in engine memory after its last change before queries
 *     read it from the store (1s-1d, default 10m)
 */
public record TradingEngineConfig(
        int queueCapacity,
        int maxCommandsPerBatch,
        int brokerDispatchThreads,
        Duration rateLimitMaxWait,
        Duration stopTimeout,
        UnknownOutcomePolicy unknownOutcomePolicy,
        Duration terminalOrderRetention) {
    public static final TradingEngineConfig DEFAULT = new TradingEngineConfig(
            4_096,
            256,
            4,
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            UnknownOutcomePolicy.REFUSE,
            EngineConfig.DEFAULT_TERMINAL_ORDER_RETENTION);

    /** The tuning with the default terminal-order retention. */
    public TradingEngineConfig(
            int queueCapacity,
            int maxCommandsPerBatch,
            int brokerDispatchThreads,
            Duration rateLimitMaxWait,
            Duration stopTimeout,
            UnknownOutcomePolicy unknownOutcomePolicy) {
        this(
                queueCapacity,
                maxCommandsPerBatch,
                brokerDispatchThreads,
                rateLimitMaxWait,
                stopTimeout,
                unknownOutcomePolicy,
                EngineConfig.DEFAULT_TERMINAL_ORDER_RETENTION);
    }

    public TradingEngineConfig {
        range("queue-capacity", queueCapacity, 1, 1 << 20);
        range("max-commands-per-batch", maxCommandsPerBatch, 1, 1 << 16);
        range("broker-dispatch-threads", brokerDispatchThreads, 1, 64);
        Durations.require("rate-limit-max-wait", rateLimitMaxWait, Duration.ZERO, Duration.ofMinutes(1));
        Durations.require("stop-timeout", stopTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
        if (unknownOutcomePolicy == null) {
            throw new IllegalArgumentException("unknown-outcome-policy: is required; allowed: refuse, hold");
        }
        Durations.require(
                "terminal-order-retention", terminalOrderRetention, Duration.ofSeconds(1), Duration.ofDays(1));
    }

    public EngineConfig toEngineConfig(Map<AccountId, AccountSettings> accounts) {
        EngineConfig.Builder builder = EngineConfig.builder()
                .queueCapacity(queueCapacity)
                .maxCommandsPerBatch(maxCommandsPerBatch)
                .brokerDispatchThreads(brokerDispatchThreads)
                .rateLimitMaxWait(rateLimitMaxWait)
                .stopTimeout(stopTimeout)
                .unknownOutcomePolicy(unknownOutcomePolicy)
                .terminalOrderRetention(terminalOrderRetention);
        accounts.forEach(builder::account);
        return builder.build();
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": must be between " + min + " and " + max + ", got " + value);
        }
    }
}
