package io.openoms.app.config;

import io.openoms.application.engine.AccountSettings;
import io.openoms.domain.instrument.TradingSession;
import io.openoms.domain.position.AccountingMethod;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A trading account and the broker it is bound to.
 *
 * @param id {@code accounts[].id}
 * @param broker {@code broker}: the broker name; absent means the configured broker (one per deployment)
 * @param capital {@code capital}: the base of percentage limits (required)
 * @param buyingPower {@code buying-power}: what working buy orders may commit (required)
 * @param accountingMethod {@code accounting-method}: {@code average_cost} (default), {@code fifo}, {@code lifo}
 */
public record AccountConfig(
        String id,
        Optional<String> broker,
        BigDecimal capital,
        BigDecimal buyingPower,
        AccountingMethod accountingMethod) {
    /** The paper-trading account of the default configuration: 10 lakh rupees of capital and buying power. */
    public static final AccountConfig PAPER = new AccountConfig(
            "PAPER",
            Optional.empty(),
            new BigDecimal("1000000"),
            new BigDecimal("1000000"),
            AccountingMethod.AVERAGE_COST);

    public AccountConfig {
        if (id == null) {
            throw new IllegalArgumentException("id: is required (e.g. PAPER)");
        }
        try {
            AccountId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id: " + e.getMessage(), e);
        }
        broker = broker == null ? Optional.empty() : broker.filter(name -> !name.isBlank());
        notNegative("capital", capital);
        notNegative("buying-power", buyingPower);
        if (accountingMethod == null) {
            throw new IllegalArgumentException("accounting-method: is required; allowed: average_cost, fifo, lifo");
        }
    }

    public AccountId accountId() {
        return AccountId.of(id);
    }

    public AccountSettings toSettings(TradingSession session, String defaultBroker) {
        return new AccountSettings(
                Money.of(capital), Money.of(buyingPower), accountingMethod, session, broker.orElse(defaultBroker));
    }

    private static void notNegative(String key, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(key + ": is required (an amount in the account's currency)");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(key + ": must not be negative, got " + value.toPlainString());
        }
    }
}
