package io.openoms.domain.risk;

import static io.openoms.domain.risk.LimitValidation.nonNegative;
import static io.openoms.domain.risk.LimitValidation.nonNegativeMoney;
import static io.openoms.domain.risk.LimitValidation.percentOfWhole;
import static io.openoms.domain.risk.LimitValidation.present;

import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The limits that can be set per instrument. As an override in {@link RiskLimits} an absent value
 * means "inherit the account's limit"; as returned by {@link RiskLimits#forInstrument} it is the
 * resolved limit, absent meaning the check is off. The component names are the limit keys used in
 * configuration, the REST API and rejection reasons.
 *
 * <p>Units: quantities in instrument units, money in the account's currency, percentages as
 * numbers of percent ({@code 5} means 5%), {@code minRewardToRisk} as a ratio ({@code 2} means
 * reward at least twice the risk).
 */
public record InstrumentRiskLimits(
        Optional<Quantity> maxOrderQuantity,
        Optional<Money> maxOrderNotional,
        Optional<Quantity> maxPositionQuantity,
        Optional<Money> maxPositionValue,
        Optional<BigDecimal> priceBandPercent,
        Optional<BigDecimal> maxRiskPerTradePercent,
        Optional<BigDecimal> minRewardToRisk,
        Optional<Boolean> enforceMarketHours) {

    private static final InstrumentRiskLimits NONE = builder().build();

    public InstrumentRiskLimits {
        present(maxOrderQuantity, "maxOrderQuantity");
        nonNegativeMoney(maxOrderNotional, "maxOrderNotional");
        present(maxPositionQuantity, "maxPositionQuantity");
        nonNegativeMoney(maxPositionValue, "maxPositionValue");
        nonNegative(priceBandPercent, "priceBandPercent");
        percentOfWhole(maxRiskPerTradePercent, "maxRiskPerTradePercent");
        nonNegative(minRewardToRisk, "minRewardToRisk");
        present(enforceMarketHours, "enforceMarketHours");
    }

    /** No limit set. */
    public static InstrumentRiskLimits none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to change a few of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxOrderQuantity = maxOrderQuantity;
        builder.maxOrderNotional = maxOrderNotional;
        builder.maxPositionQuantity = maxPositionQuantity;
        builder.maxPositionValue = maxPositionValue;
        builder.priceBandPercent = priceBandPercent;
        builder.maxRiskPerTradePercent = maxRiskPerTradePercent;
        builder.minRewardToRisk = minRewardToRisk;
        builder.enforceMarketHours = enforceMarketHours;
        return builder;
    }

    /** Each limit of {@code override} where it is set, else this one's. */
    InstrumentRiskLimits overriddenBy(InstrumentRiskLimits override) {
        return new InstrumentRiskLimits(
                override.maxOrderQuantity.or(() -> maxOrderQuantity),
                override.maxOrderNotional.or(() -> maxOrderNotional),
                override.maxPositionQuantity.or(() -> maxPositionQuantity),
                override.maxPositionValue.or(() -> maxPositionValue),
                override.priceBandPercent.or(() -> priceBandPercent),
                override.maxRiskPerTradePercent.or(() -> maxRiskPerTradePercent),
                override.minRewardToRisk.or(() -> minRewardToRisk),
                override.enforceMarketHours.or(() -> enforceMarketHours));
    }

    /** Builds limits; every limit starts absent. */
    public static final class Builder {
        private Optional<Quantity> maxOrderQuantity = Optional.empty();
        private Optional<Money> maxOrderNotional = Optional.empty();
        private Optional<Quantity> maxPositionQuantity = Optional.empty();
        private Optional<Money> maxPositionValue = Optional.empty();
        private Optional<BigDecimal> priceBandPercent = Optional.empty();
        private Optional<BigDecimal> maxRiskPerTradePercent = Optional.empty();
        private Optional<BigDecimal> minRewardToRisk = Optional.empty();
        private Optional<Boolean> enforceMarketHours = Optional.empty();

        private Builder() {}

        public Builder maxOrderQuantity(Quantity value) {
            maxOrderQuantity = Optional.of(value);
            return this;
        }

        public Builder maxOrderQuantity(long value) {
            return maxOrderQuantity(Quantity.of(value));
        }

        public Builder maxOrderNotional(Money value) {
            maxOrderNotional = Optional.of(value);
            return this;
        }

        public Builder maxOrderNotional(long value) {
            return maxOrderNotional(Money.of(value));
        }

        public Builder maxPositionQuantity(Quantity value) {
            maxPositionQuantity = Optional.of(value);
            return this;
        }

        public Builder maxPositionQuantity(long value) {
            return maxPositionQuantity(Quantity.of(value));
        }

        public Builder maxPositionValue(Money value) {
            maxPositionValue = Optional.of(value);
            return this;
        }

        public Builder maxPositionValue(long value) {
            return maxPositionValue(Money.of(value));
        }

        public Builder priceBandPercent(BigDecimal value) {
            priceBandPercent = Optional.of(value);
            return this;
        }

        public Builder priceBandPercent(String value) {
            return priceBandPercent(new BigDecimal(value));
        }

        public Builder maxRiskPerTradePercent(BigDecimal value) {
            maxRiskPerTradePercent = Optional.of(value);
            return this;
        }

        public Builder maxRiskPerTradePercent(String value) {
            return maxRiskPerTradePercent(new BigDecimal(value));
        }

        public Builder minRewardToRisk(BigDecimal value) {
            minRewardToRisk = Optional.of(value);
            return this;
        }

        public Builder minRewardToRisk(String value) {
            return minRewardToRisk(new BigDecimal(value));
        }

        public Builder enforceMarketHours(boolean value) {
            enforceMarketHours = Optional.of(value);
            return this;
        }

        public InstrumentRiskLimits build() {
            return new InstrumentRiskLimits(
                    maxOrderQuantity,
                    maxOrderNotional,
                    maxPositionQuantity,
                    maxPositionValue,
                    priceBandPercent,
                    maxRiskPerTradePercent,
                    minRewardToRisk,
                    enforceMarketHours);
        }
    }
}
