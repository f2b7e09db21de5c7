package io.openoms.domain.order;

/** Who refused an order: our pre-trade risk checks, the broker or venue, or the system itself. */
public enum RejectionSource {
    RISK,
    BROKER,
    SYSTEM
}
