package io.openoms.adapters.broker.zerodha;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} keys seen, to drop repeated updates. Thread safety: synchronized. */
final class RecentKeys {
    private final Map<String, Boolean> keys;

    RecentKeys(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when {@code key} is new (and remembers it); false for a repeat. */
    synchronized boolean firstTime(String key) {
        return keys.put(key, Boolean.TRUE) == null;
    }

    /**
     * What makes an order update different from another: id, status, quantities, prices and the
     * exchange's update time. A modification changes the price or quantity, so it is never taken
     * for a repeat of the state before it.
     */
    static String orderUpdateKey(JsonNode data) {
        StringBuilder key = new StringBuilder();
        for (String field : new String[] {
            "order_id",
            "status",
            "filled_quantity",
            "cancelled_quantity",
            "quantity",
            "price",
            "trigger_price",
            "average_price",
            "exchange_update_timestamp"
        }) {
            key.append(KiteJson.text(data, field).orElse("")).append('|');
        }
        return key.toString();
    }
}
