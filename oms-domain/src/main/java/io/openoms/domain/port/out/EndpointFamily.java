package io.openoms.domain.port.out;

/** Groups of broker endpoints that share a rate limit. */
public enum EndpointFamily {
    /** Placing orders. */
    ORDERS,
    /** Modifying and cancelling orders. */
    MODIFICATIONS,
    /** Reading orders, trades, positions, margins. */
    QUERIES,
    /** Quotes and last prices. */
    QUOTES
}
