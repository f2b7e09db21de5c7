package io.openoms.app.http;

import java.util.List;
import java.util.Set;

/**
 * The JSON names of the risk limits in {@code GET/PUT /api/v1/risk/limits}, in the order the API
 * documents them: the server reads bodies with them, and the command-line client offers them.
 */
public final class RiskLimitKeys {
    /** The limits an instrument override may set (under {@code instrumentOverrides}). */
    public static final List<String> INSTRUMENT = List.of(
            "maxOrderQuantity",
            "maxOrderNotional",
            "maxPositionQuantity",
            "maxPositionValue",
            "priceBandPercent",
            "maxRiskPerTradePercent",
            "minRewardToRisk",
            "enforceMarketHours");

    /** Every account-level limit: the instrument-level ones, then those that apply to the account only. */
    public static final List<String> ACCOUNT = List.of(
            "maxOrderQuantity",
            "maxOrderNotional",
            "maxPositionQuantity",
            "maxPositionValue",
            "priceBandPercent",
            "maxRiskPerTradePercent",
            "minRewardToRisk",
            "enforceMarketHours",
            "maxOpenPositions",
            "maxOpenOrders",
            "maxGrossExposure",
            "dailyLossLimit",
            "dailyLossLimitPercent",
            "maxDirectionalSkew",
            "checkBuyingPower");

    /** The limits that are whole counts. */
    public static final Set<String> COUNTS = Set.of("maxOpenPositions", "maxOpenOrders");

    /** The limits that are switches. */
    public static final Set<String> SWITCHES = Set.of("enforceMarketHours", "checkBuyingPower");

    private RiskLimitKeys() {}
}
