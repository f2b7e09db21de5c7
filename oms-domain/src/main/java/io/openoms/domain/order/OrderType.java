package io.openoms.domain.order;

/** How an order executes. {@code STOP} is a stop-market (Kite SL-M), {@code STOP_LIMIT} a stop-limit (Kite SL). */
public enum OrderType {
    MARKET(false, false),
    LIMIT(true, false),
    STOP(false, true),
    STOP_LIMIT(true, true);

    private final boolean requiresLimitPrice;
    private final boolean requiresTriggerPrice;

    OrderType(boolean requiresLimitPrice, boolean requiresTriggerPrice) {
        this.requiresLimitPrice = requiresLimitPrice;
        this.requiresTriggerPrice = requiresTriggerPrice;
    }

    public boolean requiresLimitPrice() {
        return requiresLimitPrice;
    }

    public boolean requiresTriggerPrice() {
        return requiresTriggerPrice;
    }
}
