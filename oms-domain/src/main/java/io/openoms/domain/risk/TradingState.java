package io.openoms.domain.risk;

/**
 * What an account may do, set by an operator or by an automatic rule (the kill switch). Cancels
 * are never affected by the trading state.
 */
public enum TradingState {
    /** New orders are subject to the other checks only. */
    ACTIVE,
    /** Only orders that shrink a position without flipping it pass, reduce-only or not. */
    REDUCING,
    /**
     * The kill switch: every new order is refused except one explicitly marked {@code reduceOnly}
     * that shrinks a position without flipping it, so a trader can still get out.
     */
    HALTED
}
