package io.openoms.domain.fees;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Product;
import java.util.Locale;

/**
 * The groups the exchanges and the tax code charge differently. Equity traded under MIS is
 * intraday, any other equity product is delivery; derivatives are told apart by the exchange's
 * symbol convention (futures end in {@code FUT}, options in {@code CE} or {@code PE}).
 */
public enum ChargeSegment {
    EQUITY_DELIVERY,
    EQUITY_INTRADAY,
    FUTURES,
    OPTIONS;

    public static ChargeSegment of(InstrumentId instrument, Product product) {
        String exchange = instrument.exchange();
        if (exchange.equals("NFO") || exchange.equals("BFO")) {
            String symbol = instrument.symbol().toUpperCase(Locale.ROOT);
            if (symbol.endsWith("CE") || symbol.endsWith("PE")) {
                return OPTIONS;
            }
            return FUTURES;
        }
        return Product.MIS.equals(product) ? EQUITY_INTRADAY : EQUITY_DELIVERY;
    }
}
