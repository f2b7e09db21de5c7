package io.openoms.app.http;

import io.openoms.application.intake.StrictValues;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where the API rounds a decimal it writes (the domain keeps every value exact; see
 * {@code docs/api.md}, "Decimals"). Prices to at most {@link #PRICE_SCALE} places, amounts of money to
 * the paisa ({@link #MONEY_SCALE} places), both {@link RoundingMode#HALF_EVEN}; quantities and the
 * limits an admin set are exact, because they are sums or copies of what a client sent, which has at
 * most {@link StrictValues#MAX_FRACTION_DIGITS} places. Trailing zeros are dropped everywhere.
 */
final class ApiDecimals {
    /** Every tick of the supported venues has at most 4 places, so an average keeps at least 4 beyond it. */
    static final int PRICE_SCALE = 8;

    static final int MONEY_SCALE = 2;

    /** Banker's rounding: unbiased over many values, the convention for money. */
    static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private ApiDecimals() {}

    /** A price, including averages (which a division made non-terminating). */
    static String price(Price price) {
        return rounded(price.value(), PRICE_SCALE);
    }

    /** An amount of money the server computed: P&amp;L, fees, exposure. */
    static String money(Money money) {
        return rounded(money.amount(), MONEY_SCALE);
    }

    /** A value that is exact by construction: a quantity, a limit as set. */
    static String exact(BigDecimal value) {
        return plain(value);
    }

    private static String rounded(BigDecimal value, int scale) {
        return plain(value.scale() > scale ? value.setScale(scale, ROUNDING) : value);
    }

    private static String plain(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
