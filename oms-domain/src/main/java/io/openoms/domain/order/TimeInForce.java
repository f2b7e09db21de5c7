package io.openoms.domain.order;

/**
 * How long an order works: until the session close ({@code DAY}), immediately or never
 * ({@code IOC}), until cancelled ({@code GTC}), or until an expiry instant ({@code GTD}).
 */
public enum TimeInForce {
    DAY,
    IOC,
    GTC,
    GTD
}
