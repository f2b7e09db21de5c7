package io.openoms.app.config;

import io.openoms.application.reconciliation.ReconciliationConfig;
import io.openoms.application.reconciliation.ReconciliationPolicy;
import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.Map;

/**
 * Reconciliation with the broker (see {@link ReconciliationConfig}); how often it runs is {@code
 * schedules.reconciliation}.
 *
 * @param runAtStartup {@code reconciliation.run-at-startup}: one run right after recovery, before the
 *     schedules start (default true)
 * @param defaultPolicy {@code reconciliation.default-policy}: {@code trust_broker} (fix and log, default),
 *     {@code propose} (a fix waits for an admin) or {@code alert_only}
 * @param accountPolicies {@code reconciliation.account-policies}: account id to policy, overriding the default
 * @param queryPermitWait {@code reconciliation.query-permit-wait}: wait for each broker query permit before the
 *     account is left for the next run (0-1m, default 2s)
 * @param engineTimeout {@code reconciliation.engine-timeout}: wait for each engine command (1s-5m, default 10s)
 */
public record ReconciliationLoopConfig(
        boolean runAtStartup,
        ReconciliationPolicy defaultPolicy,
        Map<String, ReconciliationPolicy> accountPolicies,
        Duration queryPermitWait,
        Duration engineTimeout) {
    public static final ReconciliationLoopConfig DEFAULT = new ReconciliationLoopConfig(
            true, ReconciliationPolicy.TRUST_BROKER, Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(10));

    public ReconciliationLoopConfig {
        if (defaultPolicy == null) {
            throw new IllegalArgumentException(
                    "default-policy: is required; allowed: trust_broker, propose, alert_only");
        }
        accountPolicies = Map.copyOf(accountPolicies == null ? Map.of() : accountPolicies);
        accountPolicies.forEach((account, policy) -> {
            if (policy == null) {
                throw new IllegalArgumentException(
                        "account-policies." + account + ": is required; allowed: trust_broker, propose, alert_only");
            }
        });
        Durations.require("query-permit-wait", queryPermitWait, Duration.ZERO, Duration.ofMinutes(1));
        Durations.require("engine-timeout", engineTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public ReconciliationConfig toReconciliationConfig(Duration interval) {
        ReconciliationConfig.Builder builder = ReconciliationConfig.builder()
                .interval(interval)
                .runAtStartup(runAtStartup)
                .defaultPolicy(defaultPolicy)
                .queryPermitWait(queryPermitWait)
                .engineTimeout(engineTimeout);
        accountPolicies.forEach((account, policy) -> builder.accountPolicy(AccountId.of(account), policy));
        return builder.build();
    }
}
