package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;

/** What {@code GET /v2/account} says about buying power. */
public record AlpacaAccount(String status, String currency, Money buyingPower, Money cash, boolean tradingBlocked) {
    public AlpacaAccount {
        requireNonNull(status, "status is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(buyingPower, "buyingPower is null");
        requireNonNull(cash, "cash is null");
    }
}
