package io.openoms.app.http;

import static io.openoms.app.http.ApiJson.decimal;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.in.LimitsChangeResult;
import io.openoms.domain.port.in.RiskAdministration;
import io.openoms.domain.port.in.TradingStateResult;
import io.openoms.domain.risk.InstrumentRiskLimits;
import io.openoms.domain.risk.RiskLimits;
import io.openoms.domain.risk.TradingState;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import io.openoms.domain.value.Money;
import io.openoms.domain.value.Quantity;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Risk administration: {@code GET/PUT /api/v1/risk/limits} and {@code GET/PUT
 * /api/v1/risk/trading-state} (the kill switch). Reads need viewer, changes admin. The account is the
 * {@code account} query parameter, else the only configured account. A PUT of limits replaces them
 * all: a limit left out is switched off. The actor recorded for a change is the API key's name.
 */
public final class RiskRoutes implements HttpRoutes {
    private static final Set<String> INSTRUMENT_KEYS = Set.copyOf(RiskLimitKeys.INSTRUMENT);
    private static final Set<String> LIMIT_KEYS = java.util.stream.Stream.concat(
                    RiskLimitKeys.ACCOUNT.stream(), java.util.stream.Stream.of("instrumentOverrides", "account"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> STATE_KEYS = Set.of("state", "reason", "account");

    private final RiskAdministration risk;
    private final ApiAccounts accounts;

    @Inject
    public RiskRoutes(RiskAdministration risk, ApiAccounts accounts) {
        this.risk = requireNonNull(risk, "risk is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/risk/limits", this::limits, Role.VIEWER);
        routes.put("/api/v1/risk/limits", this::replaceLimits, Role.ADMIN);
        routes.get("/api/v1/risk/trading-state", this::tradingState, Role.VIEWER);
        routes.put("/api/v1/risk/trading-state", this::setTradingState, Role.ADMIN);
    }

    private void limits(Context ctx) {
        AccountId account = accounts.resolve(ctx.queryParam("account"));
        ApiJson.write(ctx, 200, limitsView(account, risk.limits(account)));
    }

    private void replaceLimits(Context ctx) {
        ObjectNode body = ApiJson.body(ctx, false);
        RequestFields fields = new RequestFields(body, LIMIT_KEYS);
        Optional<AccountId> account = accountOf(ctx, fields);
        RiskLimits.Builder builder = RiskLimits.builder()
                .enforceMarketHours(fields.bool("enforceMarketHours").orElse(false))
                .checkBuyingPower(fields.bool("checkBuyingPower").orElse(false));
        fields.decimal("maxOrderQuantity")
                .ifPresent(v -> fields.attempt("maxOrderQuantity", () -> builder.maxOrderQuantity(Quantity.of(v))));
        fields.decimal("maxOrderNotional")
                .ifPresent(v -> fields.attempt("maxOrderNotional", () -> builder.maxOrderNotional(Money.of(v))));
        fields.decimal("maxPositionQuantity")
                .ifPresent(
                        v -> fields.attempt("maxPositionQuantity", () -> builder.maxPositionQuantity(Quantity.of(v))));
        fields.decimal("maxPositionValue")
                .ifPresent(v -> fields.attempt("maxPositionValue", () -> builder.maxPositionValue(Money.of(v))));
        fields.decimal("priceBandPercent")
                .ifPresent(v -> fields.attempt("priceBandPercent", () -> builder.priceBandPercent(v)));
        fields.decimal("maxRiskPerTradePercent")
                .ifPresent(v -> fields.attempt("maxRiskPerTradePercent", () -> builder.maxRiskPerTradePercent(v)));
        fields.decimal("minRewardToRisk")
                .ifPresent(v -> fields.attempt("minRewardToRisk", () -> builder.minRewardToRisk(v)));
        fields.wholeNumber("maxOpenPositions")
                .ifPresent(v -> fields.attempt("maxOpenPositions", () -> builder.maxOpenPositions(Math.toIntExact(v))));
        fields.wholeNumber("maxOpenOrders")
                .ifPresent(v -> fields.attempt("maxOpenOrders", () -> builder.maxOpenOrders(Math.toIntExact(v))));
        fields.decimal("maxGrossExposure")
                .ifPresent(v -> fields.attempt("maxGrossExposure", () -> builder.maxGrossExposure(Money.of(v))));
        fields.decimal("dailyLossLimit")
                .ifPresent(v -> fields.attempt("dailyLossLimit", () -> builder.dailyLossLimit(Money.of(v))));
        fields.decimal("dailyLossLimitPercent")
                .ifPresent(v -> fields.attempt("dailyLossLimitPercent", () -> builder.dailyLossLimitPercent(v)));
        fields.decimal("maxDirectionalSkew")
                .ifPresent(v -> fields.attempt("maxDirectionalSkew", () -> builder.maxDirectionalSkew(Money.of(v))));
        ObjectNode overrides = fields.object("instrumentOverrides");
        if (overrides != null) {
            Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> entries = overrides.fields();
            while (entries.hasNext()) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> entry = entries.next();
                String prefix = "instrumentOverrides." + entry.getKey();
                Optional<InstrumentId> instrument =
                        fields.attempt(prefix, () -> accounts.knownInstrument(InstrumentId.parse(entry.getKey())));
                if (!(entry.getValue() instanceof ObjectNode override)) {
                    fields.problem(prefix, "must be a JSON object of instrument limits");
                    continue;
                }
                RequestFields inner = new RequestFields(override, INSTRUMENT_KEYS);
                InstrumentRiskLimits.Builder o = InstrumentRiskLimits.builder();
                inner.decimal("maxOrderQuantity")
                        .ifPresent(v -> inner.attempt("maxOrderQuantity", () -> o.maxOrderQuantity(Quantity.of(v))));
                inner.decimal("maxOrderNotional")
                        .ifPresent(v -> inner.attempt("maxOrderNotional", () -> o.maxOrderNotional(Money.of(v))));
                inner.decimal("maxPositionQuantity")
                        .ifPresent(
                                v -> inner.attempt("maxPositionQuantity", () -> o.maxPositionQuantity(Quantity.of(v))));
                inner.decimal("maxPositionValue")
                        .ifPresent(v -> inner.attempt("maxPositionValue", () -> o.maxPositionValue(Money.of(v))));
                inner.decimal("priceBandPercent")
                        .ifPresent(v -> inner.attempt("priceBandPercent", () -> o.priceBandPercent(v)));
                inner.decimal("maxRiskPerTradePercent")
                        .ifPresent(v -> inner.attempt("maxRiskPerTradePercent", () -> o.maxRiskPerTradePercent(v)));
                inner.decimal("minRewardToRisk")
                        .ifPresent(v -> inner.attempt("minRewardToRisk", () -> o.minRewardToRisk(v)));
                inner.bool("enforceMarketHours").ifPresent(o::enforceMarketHours);
                try {
                    inner.check();
                    InstrumentRiskLimits built = o.build();
                    instrument.ifPresent(id -> builder.instrumentOverride(id, built));
                } catch (ApiException e) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> problems =
                            (Map<String, String>) e.details().get("fields");
                    problems.forEach((key, problem) -> fields.problem(prefix + "." + key, problem));
                } catch (IllegalArgumentException e) {
                    fields.problem(prefix, e.getMessage());
                }
            }
        }
        fields.check();
        RiskLimits limits;
        try {
            limits = builder.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidFields(Map.of("limits", e.getMessage()));
        }
        String actor = ApiAccessRoutes.principal(ctx).name();
        LimitsChangeResult result = EngineCalls.await(risk.replaceLimits(account.orElseThrow(), limits, actor));
        if (result instanceof LimitsChangeResult.Failed failed) {
            throw EngineCalls.failure(failed.code(), failed.message());
        }
        RiskLimits stored = ((LimitsChangeResult.Replaced) result).limits();
        ApiJson.write(ctx, 200, limitsView(account.orElseThrow(), stored));
    }

    private void tradingState(Context ctx) {
        AccountId account = accounts.resolve(ctx.queryParam("account"));
        ApiJson.write(ctx, 200, ApiViews.tradingState(account, risk.tradingState(account)));
    }

    private void setTradingState(Context ctx) {
        RequestFields fields = new RequestFields(ApiJson.body(ctx, false), STATE_KEYS);
        Optional<AccountId> account = accountOf(ctx, fields);
        Optional<TradingState> state = fields.enumValue("state", TradingState.class, true);
        Optional<String> reason = fields.requiredText("reason");
        reason.filter(String::isBlank).ifPresent(blank -> fields.problem("reason", "must not be blank"));
        fields.check();
        String actor = ApiAccessRoutes.principal(ctx).name();
        TradingStateResult result = EngineCalls.await(
                risk.setTradingState(account.orElseThrow(), state.orElseThrow(), reason.orElseThrow(), actor));
        if (result instanceof TradingStateResult.Failed failed) {
            throw EngineCalls.failure(failed.code(), failed.message());
        }
        TradingStateChange change = ((TradingStateResult.Changed) result).change();
        ApiJson.write(ctx, 200, ApiViews.tradingState(account.orElseThrow(), change));
    }

    private Optional<AccountId> accountOf(Context ctx, RequestFields fields) {
        Optional<String> named = fields.text("account").or(() -> Optional.ofNullable(ctx.queryParam("account")));
        return accounts.resolve(fields, named);
    }

    /** A limit is shown exactly as it was set, not rounded like a computed amount. */
    private static String limitAmount(Money limit) {
        return decimal(limit.amount());
    }

    static Map<String, Object> limitsView(AccountId account, RiskLimits limits) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", account.value());
        out.put(
                "maxOrderQuantity",
                limits.maxOrderQuantity().map(q -> decimal(q.value())).orElse(null));
        out.put(
                "maxOrderNotional",
                limits.maxOrderNotional().map(RiskRoutes::limitAmount).orElse(null));
        out.put(
                "maxPositionQuantity",
                limits.maxPositionQuantity().map(q -> decimal(q.value())).orElse(null));
        out.put(
                "maxPositionValue",
                limits.maxPositionValue().map(RiskRoutes::limitAmount).orElse(null));
        out.put(
                "priceBandPercent",
                limits.priceBandPercent().map(ApiJson::decimal).orElse(null));
        out.put(
                "maxRiskPerTradePercent",
                limits.maxRiskPerTradePercent().map(ApiJson::decimal).orElse(null));
        out.put(
                "minRewardToRisk",
                limits.minRewardToRisk().map(ApiJson::decimal).orElse(null));
        out.put("enforceMarketHours", limits.enforceMarketHours());
        out.put("maxOpenPositions", limits.maxOpenPositions().orElse(null));
        out.put("maxOpenOrders", limits.maxOpenOrders().orElse(null));
        out.put(
                "maxGrossExposure",
                limits.maxGrossExposure().map(RiskRoutes::limitAmount).orElse(null));
        out.put(
                "dailyLossLimit",
                limits.dailyLossLimit().map(RiskRoutes::limitAmount).orElse(null));
        out.put(
                "dailyLossLimitPercent",
                limits.dailyLossLimitPercent().map(ApiJson::decimal).orElse(null));
        out.put(
                "maxDirectionalSkew",
                limits.maxDirectionalSkew().map(RiskRoutes::limitAmount).orElse(null));
        out.put("checkBuyingPower", limits.checkBuyingPower());
        Map<String, Object> overrides = new TreeMap<>();
        limits.instrumentOverrides().forEach((instrument, o) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            o.maxOrderQuantity().ifPresent(q -> m.put("maxOrderQuantity", decimal(q.value())));
            o.maxOrderNotional().ifPresent(v -> m.put("maxOrderNotional", limitAmount(v)));
            o.maxPositionQuantity().ifPresent(q -> m.put("maxPositionQuantity", decimal(q.value())));
            o.maxPositionValue().ifPresent(v -> m.put("maxPositionValue", limitAmount(v)));
            o.priceBandPercent().map(ApiJson::decimal).ifPresent(v -> m.put("priceBandPercent", v));
            o.maxRiskPerTradePercent().map(ApiJson::decimal).ifPresent(v -> m.put("maxRiskPerTradePercent", v));
            o.minRewardToRisk().map(ApiJson::decimal).ifPresent(v -> m.put("minRewardToRisk", v));
            o.enforceMarketHours().ifPresent(v -> m.put("enforceMarketHours", v));
            overrides.put(instrument.toString(), m);
        });
        out.put("instrumentOverrides", overrides);
        return out;
    }
}
