package io.openoms.application.reconciliation;

/** What reconciliation does about a difference it can fix (a missing fill, an order to adopt or close). */
public enum ReconciliationPolicy {
    /** Apply the broker's truth at once and log what was done. */
    TRUST_BROKER,
    /** Log the fix as proposed; it waits until an admin approves or dismisses it. */
    PROPOSE,
    /** Log and alert only; change nothing. */
    ALERT_ONLY
}
