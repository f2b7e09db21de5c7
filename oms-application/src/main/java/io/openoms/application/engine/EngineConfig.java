package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's settings. Every value is checked when the record is built; a bad one is refused with
 * a message naming its key.
 *
 * @param queueCapacity commands waiting in the engine queue, plus broker calls not yet answered, at
 *     which a submit or modify is refused at once with {@code ENGINE_BUSY}; it bounds how long accepted
 *     work waits under overload. The
 *     queue holds a reserve above it (as much again, at least 1024) for cancels, limits, the trading
 *     state and broker updates
 * @param maxCommandsPerBatch commands the engine thread takes from the queue into one journal batch
 *     (the engine's own group commit)
 * @param brokerDispatchThreads threads calling brokers (they may block on rate limits and I/O)
 * @param rateLimitMaxWait how long a broker request may wait in the rate-limit guard before it fails;
 *     a broker's rate-limit refusal counts through the back-off the guard then imposes, once
 * @param rateLimitDefaultBackoff the wait after a broker's rate-limit refusal that gives no hint
 * @param modificationBudgetPerOrder the broker's cap on modifications per order
 * @param unknownOutcomePolicy new orders while a submit of the same account and instrument is unknown
 * @param accounts per-account settings
 * @param defaultAccount settings for accounts not in {@code accounts}, if such accounts may trade
 * @param stopTimeout how long {@code stop()} waits for queued commands, journal appends and broker calls
 * @param maxQuarantinedPayloadChars longer malformed payloads are truncated in the quarantine
 * @param terminalOrderRetention how long a terminal order stays in engine memory after its last
 *     change; after it, queries and late broker reports read it from the order store, so memory holds
 *     the open orders and a window of recent ones, not the whole day (at least 1 s: an order leaves
 *     memory only once its last change is durable)
 */
public record EngineConfig(
        int queueCapacity,
        int maxCommandsPerBatch,
        int brokerDispatchThreads,
        Duration rateLimitMaxWait,
        Duration rateLimitDefaultBackoff,
        int modificationBudgetPerOrder,
        UnknownOutcomePolicy unknownOutcomePolicy,
        Map<AccountId, AccountSettings> accounts,
        Optional<AccountSettings> defaultAccount,
        Duration stopTimeout,
        int maxQuarantinedPayloadChars,
        Duration terminalOrderRetention) {

    public EngineConfig {
        atLeast("queueCapacity", queueCapacity, 1);
        atLeast("maxCommandsPerBatch", maxCommandsPerBatch, 1);
        atLeast("brokerDispatchThreads", brokerDispatchThreads, 1);
        notNegative("rateLimitMaxWait", rateLimitMaxWait);
        positive("rateLimitDefaultBackoff", rateLimitDefaultBackoff);
        atLeast("modificationBudgetPerOrder", modificationBudgetPerOrder, 0);
        requireNonNull(unknownOutcomePolicy, "unknownOutcomePolicy is null");
        accounts = Map.copyOf(requireNonNull(accounts, "accounts is null"));
        requireNonNull(defaultAccount, "defaultAccount is null");
        positive("stopTimeout", stopTimeout);
        atLeast("maxQuarantinedPayloadChars", maxQuarantinedPayloadChars, 64);
        requireNonNull(terminalOrderRetention, "terminalOrderRetention is null");
        if (terminalOrderRetention.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "terminalOrderRetention must be at least 1s, got " + terminalOrderRetention);
        }
    }

    /** The settings of {@code account}: its own, else the default, else empty (it may not trade). */
    public Optional<AccountSettings> account(AccountId account) {
        return Optional.ofNullable(accounts.get(account)).or(() -> defaultAccount);
    }

    /** The account bound to {@code broker}; the first by id when several are. */
    Optional<AccountId> accountOfBroker(String broker) {
        return accounts.entrySet().stream()
                .filter(e -> e.getValue().broker().equals(broker))
                .map(Map.Entry::getKey)
                .min((a, b) -> a.value().compareTo(b.value()));
    }

    /** How long a terminal order stays in memory unless configured otherwise. */
    public static final Duration DEFAULT_TERMINAL_ORDER_RETENTION = Duration.ofMinutes(10);

    public static Builder builder() {
        return new Builder();
    }

    private static void atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", got " + value);
        }
    }

    private static void notNegative(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }

    private static void positive(String key, Duration value) {
        notNegative(key, value);
        if (value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /**
     * Defaults: queue 4,096, 256 commands per batch, 4 dispatch threads, 2 s rate-limit wait, 1 s
     * default backoff, 25 modifications per order (Kite's cap), {@link UnknownOutcomePolicy#REFUSE},
     * no accounts, 10 s stop timeout, 8,192 quarantined characters, terminal orders kept in memory for
     * 10 minutes.
     */
    public static final class Builder {
        private int queueCapacity = 4_096;
        private int maxCommandsPerBatch = 256;
        private int brokerDispatchThreads = 4;
        private Duration rateLimitMaxWait = Duration.ofSeconds(2);
        private Duration rateLimitDefaultBackoff = Duration.ofSeconds(1);
        private int modificationBudgetPerOrder = 25;
        private UnknownOutcomePolicy unknownOutcomePolicy = UnknownOutcomePolicy.REFUSE;
        private final Map<AccountId, AccountSettings> accounts = new HashMap<>();
        private AccountSettings defaultAccount;
        private Duration stopTimeout = Duration.ofSeconds(10);
        private int maxQuarantinedPayloadChars = 8_192;
        private Duration terminalOrderRetention = DEFAULT_TERMINAL_ORDER_RETENTION;

        private Builder() {}

        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        public Builder maxCommandsPerBatch(int value) {
            this.maxCommandsPerBatch = value;
            return this;
        }

        public Builder brokerDispatchThreads(int value) {
            this.brokerDispatchThreads = value;
            return this;
        }

        public Builder rateLimitMaxWait(Duration value) {
            this.rateLimitMaxWait = value;
            return this;
        }

        public Builder rateLimitDefaultBackoff(Duration value) {
            this.rateLimitDefaultBackoff = value;
            return this;
        }

        public Builder modificationBudgetPerOrder(int value) {
            this.modificationBudgetPerOrder = value;
            return this;
        }

        public Builder unknownOutcomePolicy(UnknownOutcomePolicy value) {
            this.unknownOutcomePolicy = value;
            return this;
        }

        public Builder account(AccountId account, AccountSettings settings) {
            accounts.put(requireNonNull(account, "account is null"), requireNonNull(settings, "settings is null"));
            return this;
        }

        public Builder defaultAccount(AccountSettings value) {
            this.defaultAccount = value;
            return this;
        }

        public Builder stopTimeout(Duration value) {
            this.stopTimeout = value;
            return this;
        }

        public Builder maxQuarantinedPayloadChars(int value) {
            this.maxQuarantinedPayloadChars = value;
            return this;
        }

        public Builder terminalOrderRetention(Duration value) {
            this.terminalOrderRetention = value;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(
                    queueCapacity,
                    maxCommandsPerBatch,
                    brokerDispatchThreads,
                    rateLimitMaxWait,
                    rateLimitDefaultBackoff,
                    modificationBudgetPerOrder,
                    unknownOutcomePolicy,
                    accounts,
                    Optional.ofNullable(defaultAccount),
                    stopTimeout,
                    maxQuarantinedPayloadChars,
                    terminalOrderRetention);
        }
    }
}
