package io.openoms.application.reconciliation;

import io.openoms.application.engine.EngineControl;
import io.openoms.application.engine.EngineSnapshot;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.Order;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.position.Position;
import io.openoms.domain.value.AccountId;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Our side for one account: the engine's orders and positions, with store look-ups for older orders. */
record AccountView(
        EngineControl engine,
        AccountId account,
        Map<BrokerOrderId, Order> byBrokerId,
        Map<ClientOrderId, Order> byId,
        List<Position> positions) {
    private static final Logger LOG = LoggerFactory.getLogger(AccountView.class);

    static Optional<AccountView> read(EngineControl engine, Duration timeout, AccountId account) {
        Optional<EngineSnapshot> snapshot = snapshot(engine, timeout);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Map<BrokerOrderId, Order> byBrokerId = new HashMap<>();
        Map<ClientOrderId, Order> byId = new HashMap<>();
        for (Order order : snapshot.get().orders()) {
            byId.put(order.id(), order);
            order.brokerOrderId().ifPresent(id -> byBrokerId.put(id, order));
        }
        List<Position> positions = snapshot.get().positions().stream()
                .filter(p -> p.key().account().equals(account) && p.isOpen())
                .toList();
        return Optional.of(new AccountView(engine, account, byBrokerId, byId, positions));
    }

    Optional<Order> byBrokerId(BrokerOrderId id) {
        return Optional.ofNullable(byBrokerId.get(id)).or(() -> engine.orderByBrokerOrderId(id));
    }

    /** Our order for the broker's: by its broker id, else by the client order id its tag carries. */
    Optional<Order> match(BrokerOrder atBroker) {
        return byBrokerId(atBroker.brokerOrderId()).or(() -> atBroker.clientOrderId()
                .flatMap(id -> Optional.ofNullable(byId.get(id)).or(() -> engine.order(id))));
    }

    List<Order> openOrders() {
        return byId.values().stream()
                .filter(o -> o.account().equals(account) && o.isOpen())
                .sorted(Comparator.comparing(o -> o.id().value()))
                .toList();
    }

    private static Optional<EngineSnapshot> snapshot(EngineControl engine, Duration timeout) {
        try {
            return Optional.of(engine.snapshot().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("reconciliation: no snapshot from the engine: {}", e.toString());
        }
        return Optional.empty();
    }
}
