package io.openoms.adapters.broker.mock;

/** The kinds of gateway call a fault can be aimed at. */
public enum VenueOperation {
    PLACE,
    MODIFY,
    CANCEL,
    /** Any read: one order, find by client order id, orders, trades, positions. */
    QUERY
}
