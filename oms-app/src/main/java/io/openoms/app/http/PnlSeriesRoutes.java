package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.application.engine.DayPnl;
import io.openoms.application.engine.TradingEngine;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.value.AccountId;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/pnl/intraday?account=} (viewer): the account's P&amp;L of the trading day over time,
 * with its peak and the drawdown from it, for the dashboard's chart. The engine's day P&amp;L (from fills
 * and marks) is read whenever a position changes and on every request; the series is kept in memory
 * since the server started (bounded, {@link IntradayPnl}), so after a restart it begins at the day's P&amp;L
 * as of then.
 */
public final class PnlSeriesRoutes implements HttpRoutes {
    private final TradingEngine engine;
    private final ApiAccounts accounts;
    private final Map<AccountId, IntradayPnl> series = new ConcurrentHashMap<>();

    @Inject
    public PnlSeriesRoutes(TradingEngine engine, ApiAccounts accounts, OrderEventSubscription events) {
        this.engine = requireNonNull(engine, "engine is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        // Runs off the engine thread; reading the day P&L never blocks the engine.
        events.subscribe(event -> {
            if (event instanceof OmsEvent.PositionUpdated updated) {
                sample(updated.position().key().account());
            }
        });
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/pnl/intraday", this::intraday, Role.VIEWER);
    }

    private void sample(AccountId account) {
        engine.dayPnl(account).ifPresent(reading -> series.computeIfAbsent(account, a -> new IntradayPnl())
                .record(reading));
    }

    private void intraday(Context ctx) {
        AccountId account = accounts.resolve(ctx.queryParam("account"));
        sample(account);
        // Only an account the engine knows has a series: a query never grows the map.
        IntradayPnl known = series.get(account);
        List<DayPnl> points = known == null ? List.of() : known.points();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", account.value());
        out.put("dayStart", points.isEmpty() ? null : points.get(0).dayStart().toString());
        out.put(
                "points",
                points.stream()
                        .map(point -> {
                            Map<String, Object> p = new LinkedHashMap<>();
                            p.put("at", point.observedAt().toString());
                            p.put("pnl", ApiViews.money(point.pnl()));
                            p.put("peak", ApiViews.money(point.peak()));
                            p.put("drawdown", ApiViews.money(point.drawdown()));
                            return p;
                        })
                        .toList());
        ApiJson.write(ctx, 200, out);
    }
}
