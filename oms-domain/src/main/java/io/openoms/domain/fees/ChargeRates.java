package io.openoms.domain.fees;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.value.Money;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The rates of one segment, percentages of turnover (price × quantity; for options the premium).
 * Brokerage is per executed order: a flat amount when {@code brokerageFlat} is set, else
 * {@code brokeragePercent} of the order's turnover capped at {@code brokerageCap} when set.
 * The exchange's transaction charge depends on the exchange, keyed like an instrument's exchange
 * ({@code NSE}, {@code BSE}, {@code NFO}, {@code BFO}); an exchange not listed is charged nothing.
 */
public record ChargeRates(
        BigDecimal brokeragePercent,
        Optional<Money> brokerageCap,
        Optional<Money> brokerageFlat,
        BigDecimal sttBuyPercent,
        BigDecimal sttSellPercent,
        Map<String, BigDecimal> exchangeTransactionPercent,
        BigDecimal sebiPercent,
        BigDecimal stampDutyBuyPercent,
        BigDecimal gstPercent) {

    public ChargeRates {
        requireNonNull(brokerageCap, "brokerageCap is null");
        requireNonNull(brokerageFlat, "brokerageFlat is null");
        exchangeTransactionPercent = Map.copyOf(exchangeTransactionPercent);
        for (BigDecimal rate : new BigDecimal[] {
            brokeragePercent, sttBuyPercent, sttSellPercent, sebiPercent, stampDutyBuyPercent, gstPercent
        }) {
            requireNonNull(rate, "a rate is null");
            if (rate.signum() < 0) {
                throw new IllegalArgumentException("rates must not be negative, got " + rate.toPlainString());
            }
        }
        exchangeTransactionPercent.forEach((exchange, rate) -> {
            if (rate.signum() < 0) {
                throw new IllegalArgumentException(
                        "exchange transaction rate of " + exchange + " must not be negative, got " + rate);
            }
        });
    }

    /** The exchange's transaction charge rate on {@code exchange}, zero when none is listed. */
    public BigDecimal exchangeTransactionPercent(String exchange) {
        return exchangeTransactionPercent.getOrDefault(exchange, BigDecimal.ZERO);
    }
}
