package io.openoms.domain.risk;

import static io.openoms.domain.risk.LimitValidation.nonNegative;
import static io.openoms.domain.risk.LimitValidation.nonNegativeCount;
import static io.openoms.domain.risk.LimitValidation.nonNegativeMoney;
import static io.openoms.domain.risk.LimitValidation.percentOfWhole;
import static io.openoms.domain.risk.LimitValidation.present;
import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One account's pre-trade limits. Every limit is optional: absent means its check is off. The
 * component names are the limit keys used in configuration, the REST API, documentation and
 * rejection reasons.
 *
 * <p>Limits that concern one instrument ({@link InstrumentRiskLimits}: order size, position size,
 * price band, risk per trade, reward-to-risk, market hours) can be overridden per instrument in
 * {@code instrumentOverrides}; an override wins over the account limit, and
 * {@link #forInstrument} resolves them. An override cannot switch an account limit off, only
 * replace its value. The other limits are account-wide.
 *
 * <p>Units: quantities in instrument units, money in the account's currency, percentages as
 * numbers of percent ({@code 5} means 5%); {@code dailyLossLimit} is a positive amount of loss
 * ({@code 50000} refuses new orders once the day's P&amp;L reaches -50000);
 * {@code maxDirectionalSkew} is an amount, the largest {@code |long - short|} exposure allowed;
 * {@code dailyLossLimitPercent} and {@code maxRiskPerTradePercent} are percentages of
 * {@link RiskContext#capital}.
 */
public record RiskLimits(
        Optional<Quantity> maxOrderQuantity,
        Optional<Money> maxOrderNotional,
        Optional<Quantity> maxPositionQuantity,
        Optional<Money> maxPositionValue,
        Optional<BigDecimal> priceBandPercent,
        Optional<BigDecimal> maxRiskPerTradePercent,
        Optional<BigDecimal> minRewardToRisk,
        boolean enforceMarketHours,
        Optional<Integer> maxOpenPositions,
        Optional<Integer> maxOpenOrders,
        Optional<Money> maxGrossExposure,
        Optional<Money> dailyLossLimit,
        Optional<BigDecimal> dailyLossLimitPercent,
        Optional<Money> maxDirectionalSkew,
        boolean checkBuyingPower,
        Map<InstrumentId, InstrumentRiskLimits> instrumentOverrides) {

    public RiskLimits {
        present(maxOrderQuantity, "maxOrderQuantity");
        nonNegativeMoney(maxOrderNotional, "maxOrderNotional");
        present(maxPositionQuantity, "maxPositionQuantity");
        nonNegativeMoney(maxPositionValue, "maxPositionValue");
        nonNegative(priceBandPercent, "priceBandPercent");
        percentOfWhole(maxRiskPerTradePercent, "maxRiskPerTradePercent");
        nonNegative(minRewardToRisk, "minRewardToRisk");
        nonNegativeCount(maxOpenPositions, "maxOpenPositions");
        nonNegativeCount(maxOpenOrders, "maxOpenOrders");
        nonNegativeMoney(maxGrossExposure, "maxGrossExposure");
        nonNegativeMoney(dailyLossLimit, "dailyLossLimit");
        percentOfWhole(dailyLossLimitPercent, "dailyLossLimitPercent");
        nonNegativeMoney(maxDirectionalSkew, "maxDirectionalSkew");
        requireNonNull(instrumentOverrides, "instrumentOverrides is null");
        instrumentOverrides = Map.copyOf(instrumentOverrides);
    }

    /**
     * What an account without configured limits gets: no numeric limit, but market hours enforced
     * and buying power checked.
     */
    public static RiskLimits defaults() {
        return Defaults.LIMITS;
    }

    /** Every check off, market hours and buying power included; for paper trading and tests. */
    public static RiskLimits none() {
        return builder().enforceMarketHours(false).checkBuyingPower(false).build();
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these limits, to change a few of them. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.instrumentLimits = accountInstrumentLimits().toBuilder();
        builder.enforceMarketHours = enforceMarketHours;
        builder.maxOpenPositions = maxOpenPositions;
        builder.maxOpenOrders = maxOpenOrders;
        builder.maxGrossExposure = maxGrossExposure;
        builder.dailyLossLimit = dailyLossLimit;
        builder.dailyLossLimitPercent = dailyLossLimitPercent;
        builder.maxDirectionalSkew = maxDirectionalSkew;
        builder.checkBuyingPower = checkBuyingPower;
        builder.instrumentOverrides.putAll(instrumentOverrides);
        return builder;
    }

    /**
     * The instrument-level limits that apply to orders in {@code instrument}: each one from the
     * instrument's override when set there, else the account's. {@code enforceMarketHours} is
     * always present in the result.
     */
    public InstrumentRiskLimits forInstrument(InstrumentId instrument) {
        requireNonNull(instrument, "instrument is null");
        InstrumentRiskLimits accountLevel = accountInstrumentLimits();
        InstrumentRiskLimits override = instrumentOverrides.get(instrument);
        return override == null ? accountLevel : accountLevel.overriddenBy(override);
    }

    private InstrumentRiskLimits accountInstrumentLimits() {
        return new InstrumentRiskLimits(
                maxOrderQuantity,
                maxOrderNotional,
                maxPositionQuantity,
                maxPositionValue,
                priceBandPercent,
                maxRiskPerTradePercent,
                minRewardToRisk,
                Optional.of(enforceMarketHours));
    }

    /** Builds limits; starts with no numeric limit, market hours enforced and buying power checked. */
    public static final class Builder {
        private InstrumentRiskLimits.Builder instrumentLimits = InstrumentRiskLimits.builder();
        private boolean enforceMarketHours = true;
        private Optional<Integer> maxOpenPositions = Optional.empty();
        private Optional<Integer> maxOpenOrders = Optional.empty();
        private Optional<Money> maxGrossExposure = Optional.empty();
        private Optional<Money> dailyLossLimit = Optional.empty();
        private Optional<BigDecimal> dailyLossLimitPercent = Optional.empty();
        private Optional<Money> maxDirectionalSkew = Optional.empty();
        private boolean checkBuyingPower = true;
        private final Map<InstrumentId, InstrumentRiskLimits> instrumentOverrides = new HashMap<>();

        private Builder() {}

        public Builder maxOrderQuantity(Quantity value) {
            instrumentLimits.maxOrderQuantity(value);
            return this;
        }

        public Builder maxOrderQuantity(long value) {
            return maxOrderQuantity(Quantity.of(value));
        }

        public Builder maxOrderNotional(Money value) {
            instrumentLimits.maxOrderNotional(value);
            return this;
        }

        public Builder maxOrderNotional(long value) {
            return maxOrderNotional(Money.of(value));
        }

        public Builder maxPositionQuantity(Quantity value) {
            instrumentLimits.maxPositionQuantity(value);
            return this;
        }

        public Builder maxPositionQuantity(long value) {
            return maxPositionQuantity(Quantity.of(value));
        }

        public Builder maxPositionValue(Money value) {
            instrumentLimits.maxPositionValue(value);
            return this;
        }

        public Builder maxPositionValue(long value) {
            return maxPositionValue(Money.of(value));
        }

        public Builder priceBandPercent(BigDecimal value) {
            instrumentLimits.priceBandPercent(value);
            return this;
        }

        public Builder priceBandPercent(String value) {
            return priceBandPercent(new BigDecimal(value));
        }

        public Builder maxRiskPerTradePercent(BigDecimal value) {
            instrumentLimits.maxRiskPerTradePercent(value);
            return this;
        }

        public Builder maxRiskPerTradePercent(String value) {
            return maxRiskPerTradePercent(new BigDecimal(value));
        }

        public Builder minRewardToRisk(BigDecimal value) {
            instrumentLimits.minRewardToRisk(value);
            return this;
        }

        public Builder minRewardToRisk(String value) {
            return minRewardToRisk(new BigDecimal(value));
        }

        public Builder enforceMarketHours(boolean value) {
            enforceMarketHours = value;
            return this;
        }

        public Builder maxOpenPositions(int value) {
            maxOpenPositions = Optional.of(value);
            return this;
        }

        public Builder maxOpenOrders(int value) {
            maxOpenOrders = Optional.of(value);
            return this;
        }

        public Builder maxGrossExposure(Money value) {
            maxGrossExposure = Optional.of(value);
            return this;
        }

        public Builder maxGrossExposure(long value) {
            return maxGrossExposure(Money.of(value));
        }

        public Builder dailyLossLimit(Money value) {
            dailyLossLimit = Optional.of(value);
            return this;
        }

        public Builder dailyLossLimit(long value) {
            return dailyLossLimit(Money.of(value));
        }

        public Builder dailyLossLimitPercent(BigDecimal value) {
            dailyLossLimitPercent = Optional.of(value);
            return this;
        }

        public Builder dailyLossLimitPercent(String value) {
            return dailyLossLimitPercent(new BigDecimal(value));
        }

        public Builder maxDirectionalSkew(Money value) {
            maxDirectionalSkew = Optional.of(value);
            return this;
        }

        public Builder maxDirectionalSkew(long value) {
            return maxDirectionalSkew(Money.of(value));
        }

        public Builder checkBuyingPower(boolean value) {
            checkBuyingPower = value;
            return this;
        }

        /** Sets (replaces) the override for {@code instrument}; its absent limits inherit the account's. */
        public Builder instrumentOverride(InstrumentId instrument, InstrumentRiskLimits override) {
            instrumentOverrides.put(
                    requireNonNull(instrument, "instrument is null"), requireNonNull(override, "override is null"));
            return this;
        }

        public RiskLimits build() {
            InstrumentRiskLimits limits = instrumentLimits.build();
            return new RiskLimits(
                    limits.maxOrderQuantity(),
                    limits.maxOrderNotional(),
                    limits.maxPositionQuantity(),
                    limits.maxPositionValue(),
                    limits.priceBandPercent(),
                    limits.maxRiskPerTradePercent(),
                    limits.minRewardToRisk(),
                    enforceMarketHours,
                    maxOpenPositions,
                    maxOpenOrders,
                    maxGrossExposure,
                    dailyLossLimit,
                    dailyLossLimitPercent,
                    maxDirectionalSkew,
                    checkBuyingPower,
                    instrumentOverrides);
        }
    }

    /** Built once, on first use: the defaults are asked for on every order of an account without limits. */
    private static final class Defaults {
        static final RiskLimits LIMITS = builder().build();
    }
}
