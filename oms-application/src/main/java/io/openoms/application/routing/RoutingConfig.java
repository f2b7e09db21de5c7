package io.openoms.application.routing;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.AccountId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which broker, by name, each account's orders go to. */
public record RoutingConfig(Map<AccountId, String> accountBrokers) {
    public RoutingConfig {
        accountBrokers = Map.copyOf(requireNonNull(accountBrokers, "accountBrokers is null"));
    }

    public static RoutingConfig allTo(String broker, AccountId... accounts) {
        requireNonNull(broker, "broker is null");
        Map<AccountId, String> bindings = new LinkedHashMap<>();
        for (AccountId account : accounts) {
            if (bindings.put(requireNonNull(account, "account is null"), broker) != null) {
                throw new IllegalArgumentException("Account " + account + " is listed twice");
            }
        }
        return new RoutingConfig(bindings);
    }
}
