package io.openoms.domain.order;

/** Whether a fill added liquidity to the book (maker) or took it (taker), when the venue says. */
public enum LiquiditySide {
    MAKER,
    TAKER
}
