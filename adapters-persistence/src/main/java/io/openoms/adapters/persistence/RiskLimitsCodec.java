package io.openoms.adapters.persistence;

import static io.openoms.adapters.persistence.Json.bool;
import static io.openoms.adapters.persistence.Json.optionalDecimal;
import static io.openoms.adapters.persistence.Json.putOptional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON text of one account's {@link RiskLimits}, overrides included. Keys are the limit keys
 * of configuration and the REST API; an absent limit is left out; decimals are strings.
 */
final class RiskLimitsCodec {
    private RiskLimitsCodec() {}

    static String encode(RiskLimits limits) {
        ObjectNode node = Json.object();
        putOptional(node, "maxOrderQuantity", limits.maxOrderQuantity(), q -> plain(q.value()));
        putOptional(node, "maxOrderNotional", limits.maxOrderNotional(), m -> plain(m.amount()));
        putOptional(node, "maxPositionQuantity", limits.maxPositionQuantity(), q -> plain(q.value()));
        putOptional(node, "maxPositionValue", limits.maxPositionValue(), m -> plain(m.amount()));
        putOptional(node, "priceBandPercent", limits.priceBandPercent(), RiskLimitsCodec::plain);
        putOptional(node, "maxRiskPerTradePercent", limits.maxRiskPerTradePercent(), RiskLimitsCodec::plain);
        putOptional(node, "minRewardToRisk", limits.minRewardToRisk(), RiskLimitsCodec::plain);
        node.put("enforceMarketHours", limits.enforceMarketHours());
        limits.maxOpenPositions().ifPresent(n -> node.put("maxOpenPositions", n));
        limits.maxOpenOrders().ifPresent(n -> node.put("maxOpenOrders", n));
        putOptional(node, "maxGrossExposure", limits.maxGrossExposure(), m -> plain(m.amount()));
        putOptional(node, "dailyLossLimit", limits.dailyLossLimit(), m -> plain(m.amount()));
        putOptional(node, "dailyLossLimitPercent", limits.dailyLossLimitPercent(), RiskLimitsCodec::plain);
        putOptional(node, "maxDirectionalSkew", limits.maxDirectionalSkew(), m -> plain(m.amount()));
        node.put("checkBuyingPower", limits.checkBuyingPower());
        ObjectNode overrides = node.putObject("instrumentOverrides");
        // Sorted so that equal limits always give the same text.
        toText(limits.instrumentOverrides())
                .forEach((instrument, override) -> writeOverride(overrides.putObject(instrument), override));
        return Json.write(node);
    }

    static RiskLimits decode(String text) {
        JsonNode node = Json.read(text, "risk limits");
        Map<InstrumentId, InstrumentRiskLimits> overrides = new HashMap<>();
        JsonNode overridesNode = node.get("instrumentOverrides");
        if (overridesNode != null) {
            Iterator<Map.Entry<String, JsonNode>> fields = overridesNode.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                overrides.put(InstrumentId.parse(field.getKey()), readOverride(field.getValue()));
            }
        }
        return new RiskLimits(
                optionalDecimal(node, "maxOrderQuantity").map(Quantity::of),
                optionalDecimal(node, "maxOrderNotional").map(Money::of),
                optionalDecimal(node, "maxPositionQuantity").map(Quantity::of),
                optionalDecimal(node, "maxPositionValue").map(Money::of),
                optionalDecimal(node, "priceBandPercent"),
                optionalDecimal(node, "maxRiskPerTradePercent"),
                optionalDecimal(node, "minRewardToRisk"),
                bool(node, "enforceMarketHours"),
                optionalInt(node, "maxOpenPositions"),
                optionalInt(node, "maxOpenOrders"),
                optionalDecimal(node, "maxGrossExposure").map(Money::of),
                optionalDecimal(node, "dailyLossLimit").map(Money::of),
                optionalDecimal(node, "dailyLossLimitPercent"),
                optionalDecimal(node, "maxDirectionalSkew").map(Money::of),
                bool(node, "checkBuyingPower"),
                overrides);
    }

    private static void writeOverride(ObjectNode node, InstrumentRiskLimits limits) {
        putOptional(node, "maxOrderQuantity", limits.maxOrderQuantity(), q -> plain(q.value()));
        putOptional(node, "maxOrderNotional", limits.maxOrderNotional(), m -> plain(m.amount()));
        putOptional(node, "maxPositionQuantity", limits.maxPositionQuantity(), q -> plain(q.value()));
        putOptional(node, "maxPositionValue", limits.maxPositionValue(), m -> plain(m.amount()));
        putOptional(node, "priceBandPercent", limits.priceBandPercent(), RiskLimitsCodec::plain);
        putOptional(node, "maxRiskPerTradePercent", limits.maxRiskPerTradePercent(), RiskLimitsCodec::plain);
        putOptional(node, "minRewardToRisk", limits.minRewardToRisk(), RiskLimitsCodec::plain);
        limits.enforceMarketHours().ifPresent(b -> node.put("enforceMarketHours", b));
    }

    private static InstrumentRiskLimits readOverride(JsonNode node) {
        JsonNode hours = node.get("enforceMarketHours");
        return new InstrumentRiskLimits(
                optionalDecimal(node, "maxOrderQuantity").map(Quantity::of),
                optionalDecimal(node, "maxOrderNotional").map(Money::of),
                optionalDecimal(node, "maxPositionQuantity").map(Quantity::of),
                optionalDecimal(node, "maxPositionValue").map(Money::of),
                optionalDecimal(node, "priceBandPercent"),
                optionalDecimal(node, "maxRiskPerTradePercent"),
                optionalDecimal(node, "minRewardToRisk"),
                hours == null || hours.isNull() ? Optional.empty() : Optional.of(hours.booleanValue()));
    }

    private static Optional<Integer> optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.intValue());
    }

    private static Map<String, InstrumentRiskLimits> toText(Map<InstrumentId, InstrumentRiskLimits> overrides) {
        Map<String, InstrumentRiskLimits> byText = new TreeMap<>();
        overrides.forEach((id, limits) -> byText.put(id.toString(), limits));
        return byText;
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
