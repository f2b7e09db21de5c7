package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import java.math.BigDecimal;
import java.util.Optional;

/** The broker's net position in one instrument and product: signed quantity (+ long, − short). */
public record BrokerPosition(
        InstrumentId instrument, Product product, BigDecimal netQuantity, Optional<Price> averagePrice) {
    public BrokerPosition {
        requireNonNull(instrument, "instrument is null");
        requireNonNull(product, "product is null");
        requireNonNull(netQuantity, "netQuantity is null");
        requireNonNull(averagePrice, "averagePrice is null");
    }
}
