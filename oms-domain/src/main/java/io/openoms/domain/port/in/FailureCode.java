package io.openoms.domain.port.in;

/** Why a command did nothing, grouped by the stage that refused it. */
public enum FailureCode {
    /** The request makes no sense (the message names the field). */
    VALIDATION_INVALID_REQUEST,
    VALIDATION_ORDER_NOT_FOUND,
    VALIDATION_ORDER_NOT_CANCELLABLE,
    VALIDATION_ORDER_NOT_MODIFIABLE,
    /**
     * A submit reused the client order id of a stored order without repeating that order as first
     * submitted (a modification since does not count): nothing was stored.
     */
    VALIDATION_CLIENT_ORDER_ID_CONFLICT,
    /** A fill the order cannot take: more than remains, or the order takes no fills in its state. */
    VALIDATION_FILL_REFUSED,
    /** The order's venue reports its own fills; only a {@code manual} venue's orders take external fills. */
    VALIDATION_EXTERNAL_FILLS_NOT_ACCEPTED,
    /** The command queue is full: retry shortly. */
    ENGINE_BUSY,
    /** The engine is stopping or stopped. */
    ENGINE_STOPPED,
    /** The journal could not make the command durable: the database is unavailable. */
    JOURNAL_UNAVAILABLE,
    /** An earlier submit for the same account and instrument has an unknown outcome; new orders wait. */
    BROKER_OUTCOME_UNKNOWN_HOLD,
    /** The broker's per-order modification budget is spent. */
    BROKER_MODIFICATION_BUDGET_SPENT,
    /** The broker's rate limit left no room within the allowed wait. */
    BROKER_RATE_LIMITED,
    /** No broker is bound to the order's account. */
    BROKER_NOT_ROUTABLE,
    /** A bug: the message says what happened; nothing was stored. */
    INTERNAL_ERROR
}
