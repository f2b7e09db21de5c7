package io.openoms.domain.risk.checks;

import io.openoms.domain.risk.PreTradeValidator;
import io.openoms.domain.risk.RiskCheck;
import java.util.List;

/**
 * The standard pre-trade checks in their standard order. The order puts the kill switch first
 * (its reason is the one an operator needs), then the cheap structural checks of the request
 * against the instrument and the clock, then per-order size limits, then account-level limits
 * that need positions, exposures or P&amp;L:
 *
 * <ol>
 *   <li>{@code TRADING_STATE}: the account's {@code ACTIVE}/{@code REDUCING}/{@code HALTED} state
 *   <li>{@code REDUCE_ONLY}: a reduce-only request shrinks the position without flipping it
 *   <li>{@code QUANTITY_VALIDITY}: lot, minimum, maximum, freeze quantity
 *   <li>{@code PRICE_VALIDITY}: positive, on the tick grid
 *   <li>{@code MARKET_HOURS}: {@code enforceMarketHours}
 *   <li>{@code PRICE_BAND}: {@code priceBandPercent}
 *   <li>{@code CIRCUIT_LIMIT}: the exchange's circuit band, when market data has it
 *   <li>{@code MAX_ORDER_QUANTITY}: {@code maxOrderQuantity}
 *   <li>{@code MAX_ORDER_NOTIONAL}: {@code maxOrderNotional}
 *   <li>{@code MAX_OPEN_ORDERS}: {@code maxOpenOrders}
 *   <li>{@code DAILY_LOSS_LIMIT}: {@code dailyLossLimit}, {@code dailyLossLimitPercent}
 *   <li>{@code MAX_POSITION_QUANTITY}: {@code maxPositionQuantity}
 *   <li>{@code MAX_POSITION_VALUE}: {@code maxPositionValue}
 *   <li>{@code MAX_OPEN_POSITIONS}: {@code maxOpenPositions}
 *   <li>{@code MAX_GROSS_EXPOSURE}: {@code maxGrossExposure}
 *   <li>{@code MAX_DIRECTIONAL_SKEW}: {@code maxDirectionalSkew}
 *   <li>{@code BUYING_POWER}: {@code checkBuyingPower}
 *   <li>{@code MAX_RISK_PER_TRADE}: {@code maxRiskPerTradePercent}
 *   <li>{@code MIN_REWARD_TO_RISK}: {@code minRewardToRisk}
 * </ol>
 *
 * <p>This factory lives here rather than as {@code PreTradeValidator.standard()} because the
 * checks depend on the {@code risk} package, and the domain allows no package cycles.
 */
public final class StandardChecks {
    private StandardChecks() {}

    /** New instances of the standard checks, in the standard order. */
    public static List<RiskCheck> list() {
        return List.of(
                new TradingStateCheck(),
                new ReduceOnlyCheck(),
                new QuantityValidityCheck(),
                new PriceValidityCheck(),
                new MarketHoursCheck(),
                new PriceBandCheck(),
                new CircuitLimitCheck(),
                new MaxOrderQuantityCheck(),
                new MaxOrderNotionalCheck(),
                new MaxOpenOrdersCheck(),
                new DailyLossLimitCheck(),
                new MaxPositionQuantityCheck(),
                new MaxPositionValueCheck(),
                new MaxOpenPositionsCheck(),
                new MaxGrossExposureCheck(),
                new MaxDirectionalSkewCheck(),
                new BuyingPowerCheck(),
                new MaxRiskPerTradeCheck(),
                new MinRewardToRiskCheck());
    }

    /** A validator running the standard checks; add an author's checks with {@link PreTradeValidator#withCheck}. */
    public static PreTradeValidator validator() {
        return new PreTradeValidator(list());
    }
}
