package io.openoms.domain.basket;

/** Where a basket stands, derived from its legs' orders. */
public enum BasketStatus {
    /** No leg has been sent. */
    NEW,
    /** Some leg is working, or some legs are sent and others not yet. */
    WORKING,
    /** Every leg is sent and filled in full. */
    COMPLETE,
    /** Every leg is sent and done, some filled (in part or in full) and some not in full. */
    PARTIAL,
    /** Every leg is sent and done, and nothing filled. */
    CANCELLED
}
