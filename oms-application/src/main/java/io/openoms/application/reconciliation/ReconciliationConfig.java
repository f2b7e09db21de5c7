package io.openoms.application.reconciliation;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reconciliation's settings. Every value is checked when the record is built; a bad one is refused
 * with a message naming its key.
 *
 * @param interval how often oms-app runs reconciliation (the schedule lives there)
 * @param runAtStartup whether oms-app runs it once at start-up, after the engine restored its state
 * @param defaultPolicy the policy of accounts not in {@code accountPolicies}
 * @param accountPolicies per-account policy
 * @param queryPermitWait how long a run waits for each query permit; without one the account is
 *     left for the next run
 * @param engineTimeout how long a run waits for each engine command to become durable
 */
public record ReconciliationConfig(
        Duration interval,
        boolean runAtStartup,
        ReconciliationPolicy defaultPolicy,
        Map<AccountId, ReconciliationPolicy> accountPolicies,
        Duration queryPermitWait,
        Duration engineTimeout) {

    public ReconciliationConfig {
        positive("interval", interval);
        requireNonNull(defaultPolicy, "defaultPolicy is null");
        requireNonNull(accountPolicies, "accountPolicies is null");
        accountPolicies.forEach((account, policy) -> {
            requireNonNull(account, "accountPolicies has a null account");
            requireNonNull(policy, "accountPolicies." + account.value() + " is null");
        });
        accountPolicies = Map.copyOf(accountPolicies);
        requireNonNull(queryPermitWait, "queryPermitWait is null");
        if (queryPermitWait.isNegative()) {
            throw new IllegalArgumentException("queryPermitWait must not be negative, got " + queryPermitWait);
        }
        positive("engineTimeout", engineTimeout);
    }

    /** The account's policy: its own, else the default. */
    public ReconciliationPolicy policy(AccountId account) {
        return accountPolicies.getOrDefault(requireNonNull(account, "account is null"), defaultPolicy);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void positive(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    /**
     * Defaults: every 30 s and at start-up, {@link ReconciliationPolicy#TRUST_BROKER} for every
     * account, 2 s per query permit, 10 s engine timeout.
     */
    public static final class Builder {
        private Duration interval = Duration.ofSeconds(30);
        private boolean runAtStartup = true;
        private ReconciliationPolicy defaultPolicy = ReconciliationPolicy.TRUST_BROKER;
        private final Map<AccountId, ReconciliationPolicy> accountPolicies = new HashMap<>();
        private Duration queryPermitWait = Duration.ofSeconds(2);
        private Duration engineTimeout = Duration.ofSeconds(10);

        private Builder() {}

        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        public Builder runAtStartup(boolean value) {
            this.runAtStartup = value;
            return this;
        }

        public Builder defaultPolicy(ReconciliationPolicy value) {
            this.defaultPolicy = value;
            return this;
        }

        public Builder accountPolicy(AccountId account, ReconciliationPolicy policy) {
            accountPolicies.put(requireNonNull(account, "account is null"), requireNonNull(policy, "policy is null"));
            return this;
        }

        public Builder queryPermitWait(Duration value) {
            this.queryPermitWait = value;
            return this;
        }

        public Builder engineTimeout(Duration value) {
            this.engineTimeout = value;
            return this;
        }

        public ReconciliationConfig build() {
            return new ReconciliationConfig(
                    interval, runAtStartup, defaultPolicy, accountPolicies, queryPermitWait, engineTimeout);
        }
    }
}
