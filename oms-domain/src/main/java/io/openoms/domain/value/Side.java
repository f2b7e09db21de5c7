package io.openoms.domain.value;

/** The direction of an order or a fill. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for a buy, -1 for a sell: the sign a fill of this side gives a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
