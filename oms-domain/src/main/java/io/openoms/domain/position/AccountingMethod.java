package io.openoms.domain.position;

/**
 * How the cost of the quantity taken out of a position is found when it is reduced, which decides
 * realized P&L. Total P&L (realized plus unrealized at a mark) is the same under every method;
 * only its split between realized and unrealized differs, and once a position is flat even that
 * split agrees.
 */
public enum AccountingMethod {
    /** The reduced quantity costs the average price of the open quantity; no lots are kept. */
    AVERAGE_COST,
    /** The oldest open lots are consumed first. */
    FIFO,
    /** The newest open lots are consumed first. */
    LIFO
}
