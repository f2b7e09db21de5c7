package io.openoms.domain.risk.checks;

import io.openoms.domain.order.OrderRequest;
import io.openoms.domain.risk.PositionEffect;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Phrases shared by the rejection reasons, so that every check describes things the same way. */
final class Texts {
    private Texts() {}

    static String order(OrderRequest request) {
        return request.side() + " " + request.quantity() + " " + request.instrument() + " (" + request.product() + ")";
    }

    /** "net 100, working sells 40, after this order 10". */
    static String position(PositionEffect effect, OrderRequest request) {
        BigDecimal working = effect.committed().subtract(effect.net()).abs();
        String text = "net " + plain(effect.net());
        if (working.signum() != 0) {
            text += ", working " + (request.side() == Side.BUY ? "buys " : "sells ") + plain(working);
        }
        return text + ", after this order " + plain(effect.after());
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A computed ratio or percentage for display, to four decimals; never used in a comparison. */
    static String rounded(BigDecimal value) {
        return plain(value.setScale(4, RoundingMode.HALF_UP));
    }
}
