package io.openoms.domain.value;

import java.util.Locale;

/**
 * The broker product an order is placed under, which decides margin and settlement: Kite's
 * {@code CNC} (delivery), {@code MIS} (intraday) and {@code NRML} (carry-forward derivatives) are
 * named here; other brokers' codes are accepted as free text.
 */
public record Product(String code) {
    public static final Product CNC = new Product("CNC");
    public static final Product MIS = new Product("MIS");
    public static final Product NRML = new Product("NRML");

    public Product {
        code = Identifiers.require(code, "product").toUpperCase(Locale.ROOT);
    }

    public static Product of(String code) {
        return new Product(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
