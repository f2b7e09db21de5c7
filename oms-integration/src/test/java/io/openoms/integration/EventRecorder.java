package io.openoms.integration;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEventListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every event a listener received, in delivery order, across restarts (it is subscribed to
 * each event bus the system builds). Thread safety: safe from any thread.
 */
public final class EventRecorder implements OmsEventListener {
    private final List<OmsEvent> received = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(OmsEvent event) {
        received.add(event);
    }

    public List<OmsEvent> all() {
        return List.copyOf(received);
    }

    public <T extends OmsEvent> List<T> ofType(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The order events received, grouped by order, each order's in delivery order. */
    public Map<ClientOrderId, List<OrderEvent>> orderEvents() {
        Map<ClientOrderId, List<OrderEvent>> byOrder = new LinkedHashMap<>();
        for (OmsEvent event : received) {
            if (event instanceof OmsEvent.OrderUpdated updated) {
                byOrder.computeIfAbsent(updated.event().orderId(), id -> new ArrayList<>())
                        .add(updated.event());
            }
        }
        return byOrder;
    }

    public List<OmsEvent.Alert> alerts() {
        return ofType(OmsEvent.Alert.class);
    }
}
