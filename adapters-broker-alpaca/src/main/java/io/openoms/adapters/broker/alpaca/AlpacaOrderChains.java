package io.openoms.adapters.broker.alpaca;

import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alpaca replaces an order by a new one with a new id ({@code replaces} / {@code replaced_by}).
 * OpenOMS keeps the first id of the chain (the root) as the order's broker order id, so that every
 * fill and update of any order in the chain finds the one OpenOMS order; commands go to the chain's
 * current order. This is what the adapter remembers; what it forgets (after a restart, or beyond
 * {@link #REMEMBERED} chains) it finds again at Alpaca by walking {@code replaces}/{@code replaced_by}.
 *
 * <p>Thread safety: safe from any thread.
 */
final class AlpacaOrderChains {
    static final int REMEMBERED = 20_000;

    private final Map<BrokerOrderId, BrokerOrderId> rootOf = lru();
    private final Map<BrokerOrderId, BrokerOrderId> currentOf = lru();
    private final Map<BrokerOrderId, ClientOrderId> clientOrderIdOf = lru();

    /** {@code replacement} replaced the chain of {@code root}'s current order. */
    synchronized void replaced(BrokerOrderId root, BrokerOrderId replacement) {
        if (!root.equals(replacement)) {
            rootOf.put(replacement, root);
            currentOf.put(root, replacement);
        }
    }

    synchronized void rememberClientOrderId(BrokerOrderId root, ClientOrderId id) {
        clientOrderIdOf.put(root, id);
    }

    synchronized Optional<ClientOrderId> clientOrderId(BrokerOrderId root) {
        return Optional.ofNullable(clientOrderIdOf.get(root));
    }

    /** The chain's root when {@code id} is a replacement known here; empty for a root or an unknown id. */
    synchronized Optional<BrokerOrderId> knownRoot(BrokerOrderId id) {
        return Optional.ofNullable(rootOf.get(id));
    }

    /** The current order of {@code root}'s chain when it was replaced while known here. */
    synchronized Optional<BrokerOrderId> knownCurrent(BrokerOrderId root) {
        return Optional.ofNullable(currentOf.get(root));
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
