package io.openoms.integration;

/** What the scenarios trade through. */
public enum BrokerKind {
    /** The simulated venue's own gateway, in process. */
    MOCK,
    /** The Kite adapter over HTTP and WebSocket to the Kite simulator, which runs over the same kind of venue. */
    KITE,
    /** The Alpaca adapter over HTTP and WebSocket to the Alpaca simulator, which runs over the same kind of venue. */
    ALPACA
}
