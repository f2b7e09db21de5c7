package io.openoms.domain.position;

import java.math.BigDecimal;

/** The direction of a position: long (bought), short (sold) or flat (nothing held). */
public enum PositionSide {
    LONG,
    SHORT,
    FLAT;

    /** The side of a signed quantity: positive is long, negative short, zero flat. */
    public static PositionSide of(BigDecimal signedQuantity) {
        return switch (signedQuantity.signum()) {
            case 1 -> LONG;
            case -1 -> SHORT;
            default -> FLAT;
        };
    }

    /** +1 for long, -1 for short, 0 for flat. */
    public int sign() {
        return switch (this) {
            case LONG -> 1;
            case SHORT -> -1;
            case FLAT -> 0;
        };
    }
}
