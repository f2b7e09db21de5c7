package io.openoms.app.config;

/** Which broker adapter the app wires ({@code broker.type}, {@code OMS_BROKER}). */
public enum BrokerType {
    /** The simulated venue: paper trading, the default. */
    MOCK,
    /** Zerodha Kite Connect. */
    ZERODHA,
    /** Alpaca Trading API v2 (paper or live). */
    ALPACA,
    /** The manual venue: orders recorded, not sent; fills entered by hand or by the API. */
    MANUAL
}
