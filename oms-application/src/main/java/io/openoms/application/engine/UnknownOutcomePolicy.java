package io.openoms.application.engine;

/**
 * What happens to a new order for an account and instrument while an earlier submit for the same
 * account and instrument has an unknown outcome, so that an unknown can never become a doubled
 * position.
 */
public enum UnknownOutcomePolicy {
    /** Refuse it at once with {@code BROKER_OUTCOME_UNKNOWN_HOLD}. */
    REFUSE,
    /** Hold it, unstored, until the unknown is resolved, then enter it; refused if the engine stops first. */
    HOLD
}
