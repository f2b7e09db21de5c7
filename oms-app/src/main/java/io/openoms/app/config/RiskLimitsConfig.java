package io.openoms.app.config;

import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pre-trade limits written for a configured account that has none stored yet (its first start);
 * afterwards the stored limits, edited at runtime, win. Each key is a {@link RiskLimits} limit key in
 * kebab case; absent switches that check off. Defaults fit paper trading: market hours not enforced
 * (so the app can be tried at any hour), buying power checked, a 10% price band, at most 10,000 units
 * or 50 lakh rupees per order and 200 open orders.
 */
public record RiskLimitsConfig(
        Optional<BigDecimal> maxOrderQuantity,
        Optional<BigDecimal> maxOrderNotional,
        Optional<BigDecimal> maxPositionQuantity,
        Optional<BigDecimal> maxPositionValue,
        Optional<BigDecimal> priceBandPercent,
        Optional<BigDecimal> maxRiskPerTradePercent,
        Optional<BigDecimal> minRewardToRisk,
        boolean enforceMarketHours,
        Optional<Integer> maxOpenPositions,
        Optional<Integer> maxOpenOrders,
        Optional<BigDecimal> maxGrossExposure,
        Optional<BigDecimal> dailyLossLimit,
        Optional<BigDecimal> dailyLossLimitPercent,
        Optional<BigDecimal> maxDirectionalSkew,
        boolean checkBuyingPower) {
    public static final RiskLimitsConfig PAPER_DEFAULTS = new RiskLimitsConfig(
            Optional.of(new BigDecimal("10000")),
            Optional.of(new BigDecimal("5000000")),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new BigDecimal("10")),
            Optional.empty(),
            Optional.empty(),
            false,
            Optional.empty(),
            Optional.of(200),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            true);

    public RiskLimitsConfig {
        maxOrderQuantity = orEmpty(maxOrderQuantity);
        maxOrderNotional = orEmpty(maxOrderNotional);
        maxPositionQuantity = orEmpty(maxPositionQuantity);
        maxPositionValue = orEmpty(maxPositionValue);
        priceBandPercent = orEmpty(priceBandPercent);
        maxRiskPerTradePercent = orEmpty(maxRiskPerTradePercent);
        minRewardToRisk = orEmpty(minRewardToRisk);
        maxOpenPositions = orEmpty(maxOpenPositions);
        maxOpenOrders = orEmpty(maxOpenOrders);
        maxGrossExposure = orEmpty(maxGrossExposure);
        dailyLossLimit = orEmpty(dailyLossLimit);
        dailyLossLimitPercent = orEmpty(dailyLossLimitPercent);
        maxDirectionalSkew = orEmpty(maxDirectionalSkew);
    }

    /** The domain's limits; throws {@link IllegalArgumentException} naming the limit when one is invalid. */
    public RiskLimits toRiskLimits() {
        RiskLimits.Builder builder =
                RiskLimits.builder().enforceMarketHours(enforceMarketHours).checkBuyingPower(checkBuyingPower);
        maxOrderQuantity.map(Quantity::of).ifPresent(builder::maxOrderQuantity);
        maxOrderNotional.map(Money::of).ifPresent(builder::maxOrderNotional);
        maxPositionQuantity.map(Quantity::of).ifPresent(builder::maxPositionQuantity);
        maxPositionValue.map(Money::of).ifPresent(builder::maxPositionValue);
        priceBandPercent.ifPresent(builder::priceBandPercent);
        maxRiskPerTradePercent.ifPresent(builder::maxRiskPerTradePercent);
        minRewardToRisk.ifPresent(builder::minRewardToRisk);
        maxOpenPositions.ifPresent(builder::maxOpenPositions);
        maxOpenOrders.ifPresent(builder::maxOpenOrders);
        maxGrossExposure.map(Money::of).ifPresent(builder::maxGrossExposure);
        dailyLossLimit.map(Money::of).ifPresent(builder::dailyLossLimit);
        dailyLossLimitPercent.ifPresent(builder::dailyLossLimitPercent);
        maxDirectionalSkew.map(Money::of).ifPresent(builder::maxDirectionalSkew);
        return builder.build();
    }

    private static <T> Optional<T> orEmpty(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }
}
