package io.openoms.application.routing;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.value.AccountId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes by a fixed table: brokers by their {@link BrokerGateway#name()}, accounts bound to a
 * broker name by {@link RoutingConfig}. Everything is checked when the router is built, so a
 * misconfiguration stops start-up instead of surfacing on the first order. Immutable, hence safe
 * from any thread.
 */
public final class StaticOrderRouter implements OrderRouter {
    private final Map<String, BrokerGateway> brokersByName;
    private final List<BrokerGateway> brokers;
    private final Map<AccountId, BrokerGateway> brokersByAccount;

    /**
     * @throws IllegalArgumentException if two brokers share a name, or an account is bound to a
     *     name no broker has
     */
    public StaticOrderRouter(Collection<BrokerGateway> brokers, RoutingConfig config) {
        requireNonNull(brokers, "brokers is null");
        requireNonNull(config, "config is null");
        Map<String, BrokerGateway> byName = new LinkedHashMap<>();
        for (BrokerGateway broker : brokers) {
            requireNonNull(broker, "broker is null");
            String name = requireNonNull(broker.name(), "broker name is null");
            if (byName.putIfAbsent(name, broker) != null) {
                throw new IllegalArgumentException("Two brokers are registered under the name '" + name + "'");
            }
        }
        Map<AccountId, BrokerGateway> byAccount = new HashMap<>();
        // Sorted so that the error names the same account on every start.
        for (Map.Entry<AccountId, String> binding : sortedByAccount(config.accountBrokers())) {
            BrokerGateway broker = byName.get(binding.getValue());
            if (broker == null) {
                throw new IllegalArgumentException("Account " + binding.getKey() + " is bound to broker '"
                        + binding.getValue() + "', which is not registered; registered: " + byName.keySet());
            }
            byAccount.put(binding.getKey(), broker);
        }
        this.brokersByName = Map.copyOf(byName);
        this.brokers = List.copyOf(byName.values());
        this.brokersByAccount = Map.copyOf(byAccount);
    }

    @Override
    public Optional<BrokerGateway> brokerFor(AccountId account) {
        requireNonNull(account, "account is null");
        return Optional.ofNullable(brokersByAccount.get(account));
    }

    @Override
    public Optional<BrokerGateway> broker(String name) {
        requireNonNull(name, "name is null");
        return Optional.ofNullable(brokersByName.get(name));
    }

    /** The brokers in registration order. */
    @Override
    public Collection<BrokerGateway> brokers() {
        return brokers;
    }

    private static List<Map.Entry<AccountId, String>> sortedByAccount(Map<AccountId, String> bindings) {
        return bindings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((left, right) -> left.value().compareTo(right.value())))
                .toList();
    }
}
