package io.openoms.domain.contingent;

/** How the orders of an {@link OrderList} depend on each other. */
public enum OrderListType {
    /** An entry whose fills open a take-profit and a stop-loss exit that cancel each other. */
    BRACKET,
    /** One-cancels-other: a fill on one order reduces the others by as much; a full fill cancels them. */
    OCO,
    /** One-triggers-other: the children are sent when the parent has filled in full. */
    OTO
}
