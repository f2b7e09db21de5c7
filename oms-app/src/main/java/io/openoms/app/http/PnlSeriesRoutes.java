package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openoms.app.security.Role;
import io.openoms.application.engine.DayPnl;
import io.openoms.application.engine.TradingEngine;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.out.PnlReading;
import io.openoms.domain.port.out.PnlSeriesStore;
import io.openoms.domain.value.AccountId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/pnl/intraday?account=} (viewer): the account's P&amp;L of the trading day over time,
 * with its peak and the drawdown from it, for the dashboard's chart. The engine's day P&amp;L (from fills
 * and marks) is read whenever a position changes and on every request, into a bounded series in memory
 * ({@link IntradayPnl}). Each point is also written to the {@link PnlSeriesStore} when it starts (at most
 * one a second per account), and an account's series is read back from there the first time it is
 * needed after a start, so the day's chart survives a restart. Writing a point is best effort: a failed
 * write is logged and costs that point, nothing else.
 */
public final class PnlSeriesRoutes implements HttpRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PnlSeriesRoutes.class);

    private final TradingEngine engine;
    private final ApiAccounts accounts;
    private final PnlSeriesStore store;
    private final Map<AccountId, IntradayPnl> series = new ConcurrentHashMap<>();

    @Inject
    public PnlSeriesRoutes(
            TradingEngine engine, ApiAccounts accounts, OrderEventSubscription events, PnlSeriesStore store) {
        this.engine = requireNonNull(engine, "engine is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.store = requireNonNull(store, "store is null");
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
        Optional<DayPnl> reading = engine.dayPnl(account);
        if (reading.isEmpty()) {
            return;
        }
        IntradayPnl points =
                series.computeIfAbsent(account, a -> stored(a, reading.get().dayStart()));
        if (points.record(reading.get())) {
            DayPnl point = reading.get();
            try {
                store.append(new PnlReading(account, point.dayStart(), point.pnl(), point.peak(), point.observedAt()));
            } catch (RuntimeException e) {
                LOG.warn("intraday P&L point of {} at {} not stored: {}", account, point.observedAt(), e.toString());
            }
        }
    }

    /** The day's points stored before this start, so the chart goes on where it stopped. */
    private IntradayPnl stored(AccountId account, Instant dayStart) {
        IntradayPnl points = new IntradayPnl();
        try {
            for (PnlReading stored : store.day(account, dayStart)) {
                points.record(new DayPnl(stored.dayStart(), stored.pnl(), stored.peak(), stored.observedAt()));
            }
        } catch (RuntimeException e) {
            LOG.warn("stored intraday P&L of {} not read; the chart starts now: {}", account, e.toString());
        }
        return points;
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
