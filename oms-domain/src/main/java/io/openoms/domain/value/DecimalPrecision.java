package io.openoms.domain.value;

import java.math.MathContext;

/**
 * The one rounding policy of the domain. Sums, differences and products of exact decimals stay
 * exact; only division (average prices, ratios, percentages) can produce a non-terminating
 * expansion, and it is then carried to 34 significant digits (IEEE 754 decimal128), far below
 * any tick or paisa.
 */
public final class DecimalPrecision {
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private DecimalPrecision() {}
}
