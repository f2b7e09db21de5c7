package io.openoms.domain.contingent;

/** What a leg does in its list. */
public enum LegRole {
    ENTRY,
    TAKE_PROFIT,
    STOP_LOSS,
    /** An order of a one-cancels-other group. */
    MEMBER,
    PARENT,
    CHILD
}
