package io.openoms.domain.reconciliation;

/** What a reconciliation run found different between OpenOMS and the broker. */
public enum FindingKind {
    /** The broker reports a fill we had not recorded. */
    MISSING_FILL,
    /** The broker has an order carrying our tag that we did not know (e.g. after an ambiguous submit). */
    UNKNOWN_ORDER,
    /** The broker has an order placed outside OpenOMS. */
    FOREIGN_ORDER,
    /** An order we think open is closed at the broker. */
    ORDER_CLOSED_AT_BROKER,
    /** An order we know is absent at the broker. */
    ORDER_MISSING_AT_BROKER,
    /** Quantities disagree for an order both sides know. */
    ORDER_QUANTITY_MISMATCH,
    /** Net positions disagree. */
    POSITION_MISMATCH,
    /** We hold a position the broker does not. */
    PHANTOM_POSITION,
    /** The broker holds a position we do not. */
    UNKNOWN_POSITION,
    /**
     * A broker payload the adapter could not translate, quarantined: never applied; {@code actual}
     * holds the raw payload (truncated when huge) and {@code expected} the problem.
     */
    MALFORMED_PAYLOAD
}
