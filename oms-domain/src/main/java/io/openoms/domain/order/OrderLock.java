package io.openoms.domain.order;

/** What an order lock forbids until its instant: cancelling or modifying the order. */
public enum OrderLock {
    CANCEL,
    MODIFY
}
