package io.openoms.domain.value;

import java.math.BigDecimal;

final class Decimals {
    private Decimals() {}

    static BigDecimal normalize(BigDecimal value) {
        if (value.scale() == 0) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a decimal number: '" + text + "'");
        }
    }
}
