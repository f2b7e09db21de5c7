package io.openoms.application.engine;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.value.Money;

/**
 * What the engine needs to know about one account: its capital (the base of percentage limits),
 * its configured buying power (working buy orders are subtracted from it), its accounting method,
 * the session whose start resets the day's P&amp;L, and the broker it trades at (used to attribute
 * orders found at that broker but placed outside OpenOMS).
 */
public record AccountSettings(
        Money capital, Money buyingPower, AccountingMethod accountingMethod, TradingSession session, String broker) {
    public AccountSettings {
        requireNonNull(capital, "capital is null");
        requireNonNull(buyingPower, "buyingPower is null");
        requireNonNull(accountingMethod, "accountingMethod is null");
        requireNonNull(session, "session is null");
        requireNonNull(broker, "broker is null");
        if (capital.isNegative()) {
            throw new IllegalArgumentException("capital must not be negative, got " + capital);
        }
        if (buyingPower.isNegative()) {
            throw new IllegalArgumentException("buyingPower must not be negative, got " + buyingPower);
        }
        if (broker.isBlank()) {
            throw new IllegalArgumentException("broker is blank");
        }
    }
}
