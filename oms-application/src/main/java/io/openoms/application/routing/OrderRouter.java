package io.openoms.application.routing;

import io.openoms.domain.port.out.BrokerGateway;
import io.openoms.domain.value.AccountId;
import java.util.Collection;
import java.util.Optional;

/**
 * Picks the broker for an account's orders. Brokers register under their name; an account is
 * bound to one broker. Thread safety: safe from any thread.
 */
public interface OrderRouter {
    Optional<BrokerGateway> brokerFor(AccountId account);

    Optional<BrokerGateway> broker(String name);

    Collection<BrokerGateway> brokers();
}
