package io.openoms.domain.order;

/** The broker request whose outcome may be unknown: placing, modifying or cancelling an order. */
public enum UnknownOperation {
    SUBMIT,
    MODIFY,
    CANCEL
}
